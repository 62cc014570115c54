import { describe, expect, it } from 'vitest';
import { isTimeZone, nextOccurrence, zonedInstant } from './weekly-schedule';

const iso = (ms: number) => new Date(ms).toISOString();
const sundays = { timeZone: 'Europe/Berlin', days: [0], start: '02:00', end: '04:00' };

describe('zonedInstant', () => {
  it('converts local wall times, DST-correct, with skipped times moved past the gap and repeated ones taken first', () => {
    expect(iso(zonedInstant(2026, 1, 15, 9, 0, 'Europe/Berlin'))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(zonedInstant(2026, 7, 15, 9, 0, 'Europe/Berlin'))).toBe('2026-07-15T07:00:00.000Z');
    expect(iso(zonedInstant(2026, 3, 29, 2, 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(zonedInstant(2026, 10, 25, 2, 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
    expect(iso(zonedInstant(2026, 3, 8, 9, 0, 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(zonedInstant(2026, 3, 7, 9, 0, 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z');
  });
});

describe('nextOccurrence', () => {
  it('gives Sundays 02:00–04:00 Berlin in UTC across both clock changes', () => {
    const at = (now: string) => {
      const next = nextOccurrence(sundays, new Date(now))!;
      return [next.startsAt.toISOString(), next.endsAt.toISOString()];
    };
    expect(at('2026-03-20T12:00:00Z')).toEqual(['2026-03-22T01:00:00.000Z', '2026-03-22T03:00:00.000Z']); // CET: 2 h
    expect(at('2026-03-23T12:00:00Z')).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']); // spring forward: 1 h
    expect(at('2026-03-30T12:00:00Z')).toEqual(['2026-04-05T00:00:00.000Z', '2026-04-05T02:00:00.000Z']); // CEST: 2 h
    expect(at('2026-10-19T12:00:00Z')).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-25T03:00:00.000Z']); // fall back: 3 h
  });

  it('returns the window open now, and crosses midnight when the end is before the start', () => {
    expect(nextOccurrence(sundays, new Date('2026-03-22T02:00:00Z'))?.startsAt.toISOString()).toBe('2026-03-22T01:00:00.000Z');
    const night = nextOccurrence({ timeZone: 'UTC', days: [5], start: '22:00', end: '06:00' }, new Date('2026-12-05T03:00:00Z'))!; // Saturday 03:00
    expect([night.startsAt.toISOString(), night.endsAt.toISOString()]).toEqual(['2026-12-04T22:00:00.000Z', '2026-12-05T06:00:00.000Z']);
    expect(nextOccurrence({ ...sundays, days: [] }, new Date())).toBeNull();
  });

  it('knows time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
