import { listAlerts } from '@/lib/alerts/alert-views';
import { alertIntake } from '@/lib/http/alert-intake';
import { apiQuery } from '@/lib/http/api-query';
import { webRoute } from '@/lib/http/web-route';
import { withApi } from '@/lib/http/with-api';
import { alertListQuerySchema } from '@/lib/schemas/alert';
import { readSearchParams } from '@/lib/schemas/read-search-params';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/alerts: accepts one alert; it is stored with its deliveries before the 202 (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(alertIntake);

/** GET /api/v1/alerts: the workspace's alerts, newest first, filtered, with cursor pagination. */
export const GET = withApi('alerts:read', async ({ request, scope }) => {
  const query = alertListQuerySchema.parse(readSearchParams(apiQuery(request)));
  return Response.json(await listAlerts(scope, query));
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
