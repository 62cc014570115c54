import { withApi } from '@/lib/http/with-api';
import { createRoute, listRoutes, routeJson } from '@/lib/routes/routes';
import { routeInputSchema } from '@/lib/schemas/route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/routes: the workspace's routing rules in evaluation order. */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ routes: (await listRoutes(scope)).map(routeJson) }));

/** POST /api/v1/routes: adds a routing rule. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const route = await createRoute(scope, routeInputSchema.parse(await json()));
  return Response.json(routeJson(route), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
