import { metricsEndpoint } from '@/lib/http/metrics-endpoint';
import { webRoute } from '@/lib/http/web-route';

export const dynamic = 'force-dynamic';

/** GET /api/metrics: Prometheus metrics for a scraper with `Authorization: Bearer <METRICS_TOKEN>` (404 when unset). */
export const GET = webRoute(metricsEndpoint);
