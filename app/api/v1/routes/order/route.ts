import { otherMethods } from '@/lib/http/other-methods';
import { withApi } from '@/lib/http/with-api';
import { reorderRoutes, routeJson } from '@/lib/routes/routes';
import { routeOrderSchema } from '@/lib/schemas/route';

export const dynamic = 'force-dynamic';

/** PUT /api/v1/routes/order `{ route_ids }`: sets the evaluation order (every route once, first first); 200 with the routes in the new order. */
export const PUT = withApi('config:write', async ({ json, scope }) =>
  Response.json({ routes: (await reorderRoutes(scope, routeOrderSchema.parse(await json()).routeIds)).map(routeJson) }),
);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, POST, PATCH, DELETE } = otherMethods({ PUT });
