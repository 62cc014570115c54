import { createHeartbeat, heartbeatJson, listHeartbeats } from '@/lib/heartbeats/heartbeats';
import { withApi } from '@/lib/http/with-api';
import { heartbeatInputSchema } from '@/lib/schemas/heartbeat';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/heartbeats: the workspace's heartbeats (tokens by prefix only). */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ heartbeats: (await listHeartbeats(scope)).map((h) => heartbeatJson(h)) }));

/** POST /api/v1/heartbeats: adds a heartbeat; its token and ping URL are in this answer only. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const { heartbeat, token } = await createHeartbeat(scope, heartbeatInputSchema.parse(await json()));
  return Response.json(heartbeatJson(heartbeat, token), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
