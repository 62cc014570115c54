import { withApi } from '@/lib/http/with-api';
import { deleteRoute, getRoute, routeJson, updateRoute } from '@/lib/routes/routes';
import { routePatchSchema } from '@/lib/schemas/route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/routes/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(routeJson(await getRoute(scope, params.id))));

/** PATCH /api/v1/routes/{id}: changes the given fields. */
export const PATCH = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(routeJson(await updateRoute(scope, params.id, routePatchSchema.parse(await json())))),
);

/** DELETE /api/v1/routes/{id} */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteRoute(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
