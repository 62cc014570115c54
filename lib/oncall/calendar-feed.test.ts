import { describe, expect, it } from 'vitest';
import { renderCalendar } from './calendar-feed';

describe('renderCalendar', () => {
  const segments = [
    { user: 'U1', start: new Date('2026-03-28T08:00:00Z'), end: new Date('2026-03-29T07:00:00Z') },
    { user: null, start: new Date('2026-03-29T07:00:00Z'), end: new Date('2026-03-29T09:00:00Z') },
    { user: 'U2', start: new Date('2026-03-29T09:00:00Z'), end: new Date('2026-03-30T07:00:00Z') },
  ];
  const ics = renderCalendar({ id: 's1', name: 'Payments, primary; EU' }, segments, (u) => (u === 'U1' ? 'Ada' : 'Bob'), new Date('2026-03-01T00:00:00Z'));

  it('writes one event per shift with someone on call, in UTC, with CRLF lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART:20260328T080000Z\r\nDTEND:20260329T070000Z\r\n');
    expect(ics).toContain('SUMMARY:Ada on call (Payments\\, primary\\; EU)');
    expect(ics).toContain('UID:s1-20260329T090000Z-U2@klaxon');
  });

  it('folds lines past 75 octets', () => {
    const long = renderCalendar({ id: 's1', name: 'x'.repeat(200) }, segments.slice(0, 1), () => 'Ada');
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(long).toContain('\r\n x');
  });
});
