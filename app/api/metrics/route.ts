import { metricsEndpoint } from '@/lib/http/metrics-endpoint';
import { webRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/metrics: Prometheus metrics for a scraper with `Authorization: Bearer <METRICS_TOKEN>` (404 when unset). */
export const GET = webRoute(metricsEndpoint);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
