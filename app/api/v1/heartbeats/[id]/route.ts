import { deleteHeartbeat, getHeartbeat, heartbeatJson, updateHeartbeat } from '@/lib/heartbeats/heartbeats';
import { withApi } from '@/lib/http/with-api';
import { heartbeatPatchSchema } from '@/lib/schemas/heartbeat';

export const dynamic = 'force-dynamic';

/** GET /api/v1/heartbeats/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(heartbeatJson(await getHeartbeat(scope, params.id))));

/** PATCH /api/v1/heartbeats/{id}: changes the given fields. */
export const PATCH = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(heartbeatJson(await updateHeartbeat(scope, params.id, heartbeatPatchSchema.parse(await json())))),
);

/** DELETE /api/v1/heartbeats/{id} */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteHeartbeat(scope, params.id);
  return new Response(null, { status: 204 });
});
