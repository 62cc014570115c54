import { checkHealth } from '@/lib/health';
import { publicRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 when the app and its database answer, 503 otherwise. */
export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' }, body: health };
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
