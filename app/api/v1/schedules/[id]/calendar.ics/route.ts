import { publicRoute } from '@/lib/http/web-route';
import { scheduleCalendar } from '@/lib/oncall/schedules';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedules/{id}/calendar.ics?token=: the schedule's shifts as an iCalendar feed (the token is the credential). */
export const GET = publicRoute<{ id: string }>(async ({ head, params }) => {
  const body = await scheduleCalendar(params.id, new URL(head.url).searchParams.get('token') ?? '');
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'no-store' } });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
