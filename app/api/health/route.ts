import { checkHealth } from '@/lib/health';
import { publicRoute } from '@/lib/http/web-route';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 when the app and its database answer, 503 otherwise. */
export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' }, body: health };
});
