import { withApi } from '@/lib/http/with-api';
import { createSchedule, listSchedules, scheduleJson } from '@/lib/oncall/schedules';
import { scheduleInputSchema } from '@/lib/schemas/schedule';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedules: the workspace's on-call schedules, each with who is on call now. */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ schedules: (await listSchedules(scope)).map((s) => scheduleJson(s)) }));

/** POST /api/v1/schedules: adds a schedule. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const schedule = await createSchedule(scope, scheduleInputSchema.parse(await json()));
  return Response.json(scheduleJson(schedule), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
