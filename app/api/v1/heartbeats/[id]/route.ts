import { deleteHeartbeat, getHeartbeat, heartbeatJson, updateHeartbeat } from '@/lib/heartbeats/heartbeats';
import { withApi } from '@/lib/http/with-api';
import { heartbeatPatchSchema } from '@/lib/schemas/heartbeat';
import { otherMethods } from '@/lib/http/other-methods';

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

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
