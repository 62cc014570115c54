import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLocal } from '../oncall/zoned-time';
import { snoozedUntilText, snoozeEnd } from './snooze';

describe('snoozeEnd', () => {
  const now = new Date('2026-03-28T22:30:00Z');

  it('adds fixed durations', () => {
    expect(snoozeEnd('30m', now, 'UTC').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(snoozeEnd('1h', now, 'UTC').toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(snoozeEnd('4h', now, 'UTC').toISOString()).toBe('2026-03-29T02:30:00.000Z');
  });

  it("ends at 09:00 tomorrow on the clicker's clock, across the DST change of that night", () => {
    // 23:30 in Berlin on the Saturday before summer time: tomorrow 09:00 is CEST, 07:00Z.
    expect(snoozeEnd('tomorrow', now, 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // Still Saturday 15:30 in Los Angeles: tomorrow is Sunday 09:00 PDT.
    expect(snoozeEnd('tomorrow', now, 'America/Los_Angeles').toISOString()).toBe('2026-03-29T16:00:00.000Z');
    // Already Sunday 09:30 in Auckland: tomorrow is Monday.
    expect(snoozeEnd('tomorrow', now, 'Pacific/Auckland').toISOString()).toBe('2026-03-29T20:00:00.000Z');
    expect(snoozeEnd('tomorrow', now, 'Not/AZone').toISOString()).toBe('2026-03-29T09:00:00.000Z');
  });

  it('always lands on 09:00 local of the next local day, between 9 and 33 hours ahead (a DST hour either way)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (at, zone) => {
        const end = snoozeEnd('tomorrow', at, zone);
        expect(toLocal(end.getTime(), zone)).toMatchObject({ hour: 9, minute: 0 });
        const hours = (end.getTime() - at.getTime()) / 3_600_000;
        expect(hours).toBeGreaterThan(9 - 1);
        expect(hours).toBeLessThanOrEqual(33 + 1);
        expect(toLocal(end.getTime(), zone).day).not.toBe(toLocal(at.getTime(), zone).day);
      }),
      { seed: 1203, numRuns: 200 },
    );
  });
});

describe('snoozedUntilText', () => {
  it("says the end as a Slack date (each reader's clock), with a readable UTC fallback, never an ISO string", () => {
    const text = snoozedUntilText(new Date('2026-03-29T07:00:00Z'));
    expect(text).toBe('Snoozed until <!date^1774767600^{date_short_pretty} {time}|2026-03-29 07:00 UTC>');
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});
