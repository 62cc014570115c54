import { publicRoute } from '@/lib/http/web-route';
import { scheduleCalendar } from '@/lib/oncall/schedules';

export const dynamic = 'force-dynamic';

/** GET /api/v1/schedules/{id}/calendar.ics?token=: the schedule's shifts as an iCalendar feed (the token is the credential). */
export const GET = publicRoute<{ id: string }>(async ({ head, params }) => {
  const body = await scheduleCalendar(params.id, new URL(head.url).searchParams.get('token') ?? '');
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'no-store' } });
});
