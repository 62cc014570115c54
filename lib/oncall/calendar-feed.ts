// A schedule's shifts as an iCalendar feed (RFC 5545) at a secret URL, so people see their on-call shifts in
// their calendar. The secret is an HMAC of the schedule id under SESSION_SECRET: nothing to store, and
// rotating SESSION_SECRET changes every feed's URL.
import { isEqualConstantTime, signValue } from '../crypto/hmac';
import { env } from '../env';
import type { Segment } from './on-call';

const PURPOSE = 'schedule-calendar';

/** calendarToken is the secret of a schedule's feed URL. */
export const calendarToken = (scheduleId: string) => signValue(PURPOSE, scheduleId).slice(0, 32);

/** isCalendarToken says whether `token` opens the feed of `scheduleId`. */
export const isCalendarToken = (scheduleId: string, token: string) => isEqualConstantTime(calendarToken(scheduleId), token);

/** calendarUrl is the feed URL of a schedule (give it to calendar apps as a subscription). */
export const calendarUrl = (scheduleId: string) => `${env().appUrl}/api/v1/schedules/${encodeURIComponent(scheduleId)}/calendar.ics?token=${calendarToken(scheduleId)}`;

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

// Lines longer than 75 octets are folded: CRLF and a space, as RFC 5545 §3.1 says.
function fold(line: string): string {
  const bytes = Buffer.from(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 74) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut)) > 74) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}

/** renderCalendar writes one event per shift with someone on call; `nameOf` names a Slack user. */
export function renderCalendar(schedule: { id: string; name: string }, segments: Segment[], nameOf: (user: string) => string, now = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Klaxon//On call//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(`On call: ${schedule.name}`)}`];
  for (const segment of segments) {
    if (!segment.user) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${schedule.id}-${stamp(segment.start)}-${segment.user}@klaxon`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(segment.start)}`,
      `DTEND:${stamp(segment.end)}`,
      `SUMMARY:${escapeText(`${nameOf(segment.user)} on call (${schedule.name})`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
