import { withApi } from '@/lib/http/with-api';
import { deleteSchedule, getSchedule, scheduleJson, updateSchedule } from '@/lib/oncall/schedules';
import { schedulePatchSchema } from '@/lib/schemas/schedule';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedules/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(scheduleJson(await getSchedule(scope, params.id))));

/** PATCH /api/v1/schedules/{id}: replaces the given fields (rotations and overrides whole). */
export const PATCH = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(scheduleJson(await updateSchedule(scope, params.id, schedulePatchSchema.parse(await json())))),
);

/** DELETE /api/v1/schedules/{id} */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteSchedule(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
