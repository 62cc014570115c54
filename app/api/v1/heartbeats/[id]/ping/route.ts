import { pingHeartbeat } from '@/lib/heartbeats/heartbeats';
import { publicRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

// The path's segment is the heartbeat's secret token (Next names one dynamic segment per level: `[id]`).
const ping = publicRoute<{ id: string }>(async ({ params }) => {
  const heartbeat = await pingHeartbeat(params.id);
  return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { ok: true, next_due_at: new Date(heartbeat.lastPingAt!.getTime() + (heartbeat.intervalSeconds + heartbeat.graceSeconds) * 1000) } };
});

/** GET /api/v1/heartbeats/{token}/ping: a ping (so `curl` in a cron line works). */
export const GET = ping;
/** POST /api/v1/heartbeats/{token}/ping: a ping. */
export const POST = ping;

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
