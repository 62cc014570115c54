import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 when the app and its database answer, 503 otherwise. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
