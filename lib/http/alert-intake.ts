// POST /api/v1/alerts as a pipeline endpoint: an API key (or session) with alerts:write, the key's rate limit,
// the alert body. app/api/v1/alerts/route.ts and the node:http fast path serve this same definition.
import { receiveAlert } from '../alerts/receive-alert';
import { countIntake } from '../metrics';
import { apiEndpoint } from './with-api';

/** alertIntake serves one alert: 202 `{ id, status, dedup_key }`. */
export const alertIntake = apiEndpoint('alerts:write', async ({ scope, json }) => ({ status: 202, headers: {}, body: await receiveAlert(scope, await json()) }), {
  rateLimited: true,
  observe: ({ status }) => countIntake('api', status),
});
