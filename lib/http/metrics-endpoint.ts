// GET /api/metrics on the app: Prometheus' text format for a scraper holding METRICS_TOKEN. Without a token
// configured the endpoint does not exist (404); a missing or wrong bearer is 401.
import { isEqualConstantTime, sha256Hex } from '../crypto/hmac';
import { env } from '../env';
import { AppError } from '../errors';
import { metricsText } from '../metrics';
import type { Endpoint } from './pipeline';

/** hasMetricsToken tells whether an Authorization header carries the configured token (compared in constant time). */
export function hasMetricsToken(authorization: string | null, token: string): boolean {
  const [kind, presented] = (authorization ?? '').split(' ', 2);
  // Hashes first: equal lengths, so the comparison leaks not even the token's length.
  return kind?.toLowerCase() === 'bearer' && !!presented && isEqualConstantTime(sha256Hex(presented), sha256Hex(token));
}

/** metricsEndpoint serves the process's metrics to a scraper with METRICS_TOKEN. */
export const metricsEndpoint: Endpoint<null> = {
  access: (request) => {
    const token = env().metricsToken;
    if (!token) return Promise.reject(new AppError('not_found', 'Metrics are off: set METRICS_TOKEN to serve them.'));
    if (!hasMetricsToken(request.head.headers.get('authorization'), token)) {
      return Promise.reject(new AppError('unauthorized', 'Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.'));
    }
    return Promise.resolve(null);
  },
  handle: async () => {
    const { contentType, body } = await metricsText();
    return new Response(body, { status: 200, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
  },
};
