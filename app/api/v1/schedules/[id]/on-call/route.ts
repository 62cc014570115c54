import { apiQuery } from '@/lib/http/api-query';
import { withApi } from '@/lib/http/with-api';
import { onCallJson, scheduleOnCall } from '@/lib/oncall/schedules';
import { readSearchParams } from '@/lib/schemas/read-search-params';
import { onCallQuerySchema } from '@/lib/schemas/schedule';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedules/{id}/on-call?at=&days=: who is on call at `at` (default now), who is next, and the timeline. */
export const GET = withApi<{ id: string }>('alerts:read', async ({ request, scope, params }) => {
  const query = onCallQuerySchema.parse(readSearchParams(apiQuery(request)));
  const at = query.at ?? new Date();
  const view = await scheduleOnCall(scope, params.id, at, query.days);
  return Response.json({
    schedule_id: view.schedule.id,
    at,
    ...onCallJson(view.now),
    timeline: view.timeline.map((segment) => ({ user: segment.user, start: segment.start, end: segment.end })),
  });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
