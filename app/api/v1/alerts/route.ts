import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { listAlerts } from '@/lib/alerts/alert-views';
import { readJson } from '@/lib/http/read-json';
import { takeToken } from '@/lib/http/rate-limit';
import { apiQuery } from '@/lib/http/api-query';
import { withApi } from '@/lib/http/with-api';
import { alertInputSchema, alertListQuerySchema } from '@/lib/schemas/alert';
import { readSearchParams } from '@/lib/schemas/read-search-params';

export const dynamic = 'force-dynamic';

/** POST /api/v1/alerts: accepts one alert; it is stored with its deliveries before the 202. */
export const POST = withApi('alerts:write', async ({ request, scope }) => {
  takeToken(scope.actor.id);
  const input = alertInputSchema.parse(await readJson(request));
  const result = await ingestAlert(scope, input);
  return Response.json({ id: result.id, status: result.status, dedup_key: result.dedupKey }, { status: 202 });
});

/** GET /api/v1/alerts: the workspace's alerts, newest first, filtered, with cursor pagination. */
export const GET = withApi('alerts:read', async ({ request, scope }) => {
  const query = alertListQuerySchema.parse(readSearchParams(apiQuery(request)));
  return Response.json(await listAlerts(scope, query));
});
