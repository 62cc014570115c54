import { receiveAlert } from '@/lib/alerts/receive-alert';
import { listAlerts } from '@/lib/alerts/alert-views';
import { readJson } from '@/lib/http/read-json';
import { apiQuery } from '@/lib/http/api-query';
import { withApi } from '@/lib/http/with-api';
import { alertListQuerySchema } from '@/lib/schemas/alert';
import { readSearchParams } from '@/lib/schemas/read-search-params';

export const dynamic = 'force-dynamic';

/** POST /api/v1/alerts: accepts one alert; it is stored with its deliveries before the 202. */
export const POST = withApi('alerts:write', async ({ request, scope }) =>
  Response.json(await receiveAlert(scope, await readJson(request)), { status: 202 }),
);

/** GET /api/v1/alerts: the workspace's alerts, newest first, filtered, with cursor pagination. */
export const GET = withApi('alerts:read', async ({ request, scope }) => {
  const query = alertListQuerySchema.parse(readSearchParams(apiQuery(request)));
  return Response.json(await listAlerts(scope, query));
});
