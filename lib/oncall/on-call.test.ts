import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onCallAt, rotationUserAt, timeline, whoIsOnCall, type Rotation, type ScheduleSpec } from './on-call';
import { fromLocal, naiveMs, toLocal } from './zoned-time';

const daily = (over: Partial<Rotation> = {}): Rotation => ({
  kind: 'daily',
  startDate: '2026-03-01',
  handoffTime: '09:00',
  timeZone: 'Europe/Berlin',
  participants: ['UADA', 'UBOB', 'UCY'],
  ...over,
});
const only = (...rotations: Rotation[]): ScheduleSpec => ({ rotations, overrides: [] });
const at = (iso: string) => new Date(iso).getTime();

describe('zoned time', () => {
  it('maps a wall time skipped by spring-forward past the gap, and a repeated one to its first occurrence', () => {
    // Berlin jumps 02:00 → 03:00 on 2026-03-29; New York falls back 02:00 → 01:00 on 2026-11-01.
    expect(new Date(fromLocal(naiveMs({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(fromLocal(naiveMs({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }), 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(fromLocal(naiveMs({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }), 'America/New_York')).toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });
});

describe('daily rotation across DST', () => {
  it('Europe/Berlin: the 09:00 hand-off stays at 09:00 local; the shift over spring-forward lasts 23 h, over fall-back 25 h', () => {
    const schedule = only(daily());
    const spring = whoIsOnCall(schedule, new Date('2026-03-28T12:00:00Z'));
    // 2026-03-28 09:00 CET = 08:00Z; 2026-03-29 09:00 CEST = 07:00Z.
    expect(spring.until?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(spring.user).toBe(['UADA', 'UBOB', 'UCY'][27 % 3]);
    expect(spring.next?.user).toBe(['UADA', 'UBOB', 'UCY'][28 % 3]);
    const fall = whoIsOnCall(schedule, new Date('2026-10-24T12:00:00Z'));
    expect(fall.until?.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(onCallAt(schedule, at('2026-10-25T07:59:59Z'))).not.toBe(onCallAt(schedule, at('2026-10-25T08:00:00Z')));
  });

  it('America/New_York: a 02:30 hand-off on the spring-forward day happens at 03:30 EDT; a 01:30 one on fall-back day at the first 01:30', () => {
    const spring = only(daily({ timeZone: 'America/New_York', handoffTime: '02:30', startDate: '2026-03-01' }));
    expect(whoIsOnCall(spring, new Date('2026-03-07T12:00:00Z')).until?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(whoIsOnCall(spring, new Date('2026-03-08T12:00:00Z')).until?.toISOString()).toBe('2026-03-09T06:30:00.000Z');
    const fall = only(daily({ timeZone: 'America/New_York', handoffTime: '01:30', startDate: '2026-10-01' }));
    const before = whoIsOnCall(fall, new Date('2026-10-31T12:00:00Z'));
    expect(before.until?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // The next shift, over the repeated hour, lasts 25 h.
    expect(whoIsOnCall(fall, before.until!).until?.toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('weekly hand-offs keep weekday and local time across DST; every-12-hours keeps 09:00 and 21:00 local', () => {
    const weekly = only(daily({ kind: 'weekly', startDate: '2026-03-02' })); // a Monday
    const change = whoIsOnCall(weekly, new Date('2026-03-25T00:00:00Z')).until!;
    expect(change.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(toLocal(change.getTime(), 'Europe/Berlin')).toMatchObject({ weekday: 1, hour: 9, minute: 0 });
    const halfDays = only(daily({ kind: 'hourly', everyHours: 12, timeZone: 'America/New_York', participants: ['UDAY', 'UNIGHT'] }));
    for (const instant of ['2026-03-07T20:00:00Z', '2026-03-08T20:00:00Z', '2026-11-01T03:00:00Z']) {
      const local = toLocal(whoIsOnCall(halfDays, new Date(instant)).until!.getTime(), 'America/New_York');
      expect([9, 21]).toContain(local.hour);
    }
    expect(onCallAt(halfDays, at('2026-07-04T15:00:00Z'))).toBe('UDAY');
    expect(onCallAt(halfDays, at('2026-07-05T03:00:00Z'))).toBe('UNIGHT');
  });
});

describe('layers and overrides', () => {
  const base = daily();
  const business = daily({ participants: ['UDAY1'], restrict: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' } });
  const schedule: ScheduleSpec = {
    rotations: [base, business],
    overrides: [
      { user: 'UOVR', start: new Date('2026-06-10T10:00:00Z'), end: new Date('2026-06-10T12:00:00Z') },
      { user: 'ULATE', start: new Date('2026-06-10T11:00:00Z'), end: new Date('2026-06-10T11:30:00Z') },
    ],
  };

  it('a later rotation overrides an earlier one where it has someone; overrides beat rotations, the latest override first', () => {
    expect(onCallAt(schedule, at('2026-06-09T08:00:00Z'))).toBe('UDAY1'); // Tuesday 10:00 Berlin
    expect(onCallAt(schedule, at('2026-06-09T16:00:00Z'))).toBe(rotationUserAt(base, at('2026-06-09T16:00:00Z'))); // 18:00
    expect(onCallAt(schedule, at('2026-06-13T08:00:00Z'))).toBe(rotationUserAt(base, at('2026-06-13T08:00:00Z'))); // Saturday
    expect(onCallAt(schedule, at('2026-06-10T10:30:00Z'))).toBe('UOVR');
    expect(onCallAt(schedule, at('2026-06-10T11:10:00Z'))).toBe('ULATE');
    expect(onCallAt(schedule, at('2026-06-10T11:40:00Z'))).toBe('UOVR');
    expect(onCallAt(schedule, at('2026-06-10T12:00:00Z'))).toBe('UDAY1');
  });

  it('nobody is on call before a rotation starts or after it ends', () => {
    const bounded = only(daily({ startDate: '2026-05-01', endDate: '2026-05-03' }));
    expect(onCallAt(bounded, at('2026-05-01T06:59:00Z'))).toBeNull();
    expect(onCallAt(bounded, at('2026-05-01T07:00:00Z'))).toBe('UADA');
    expect(onCallAt(bounded, at('2026-05-03T07:00:00Z'))).toBeNull();
    expect(whoIsOnCall(bounded, new Date('2026-05-02T12:00:00Z'))).toMatchObject({ user: 'UBOB', next: { user: null } });
  });
});

// Property tests: seeded so that a failure replays.
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago', 'UTC', 'Pacific/Chatham'];
const rotationArb = fc.record({
  kind: fc.constantFrom('daily' as const, 'weekly' as const, 'hourly' as const),
  everyHours: fc.integer({ min: 1, max: 72 }),
  startDate: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  handoffTime: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  timeZone: fc.constantFrom(...ZONES),
  participants: fc.uniqueArray(fc.constantFrom('UA', 'UB', 'UC', 'UD', 'UE'), { minLength: 1, maxLength: 5 }),
});
const instantArb = fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true });
const PARAMS = { seed: 1203, numRuns: 150 };

describe('properties', () => {
  it('now and next agree: the person at t is on call until `until`, and `next` is who is on call from then', () => {
    fc.assert(
      fc.property(rotationArb, instantArb, (rotation, when) => {
        const schedule = only(rotation);
        const now = whoIsOnCall(schedule, when);
        expect(now.user).toBe(onCallAt(schedule, when.getTime()));
        if (!now.until) return;
        expect(now.until.getTime()).toBeGreaterThan(when.getTime());
        expect(onCallAt(schedule, now.until.getTime() - 1)).toBe(now.user);
        expect(onCallAt(schedule, now.until.getTime())).toBe(now.next!.user);
        expect(now.next!.user).not.toBe(now.user);
      }),
      PARAMS,
    );
  });

  it('daily and weekly hand-offs happen at the hand-off time on the local clock, or just past a gap that skipped it', () => {
    fc.assert(
      fc.property(rotationArb, instantArb, (rotation, when) => {
        const r = { ...rotation, kind: rotation.kind === 'hourly' ? ('daily' as const) : rotation.kind, participants: ['UA', 'UB'] };
        const change = whoIsOnCall(only(r), when).until;
        if (!change) return;
        const local = toLocal(change.getTime(), r.timeZone);
        const [hour, minute] = r.handoffTime.split(':').map(Number) as [number, number];
        const onTime = local.hour === hour && local.minute === minute;
        // Skipped by a gap: one minute earlier, the clock showed a time before the hand-off and the offset changed.
        const justAfterGap = toLocal(change.getTime() - 60_000, r.timeZone).hour * 60 + toLocal(change.getTime() - 60_000, r.timeZone).minute < hour * 60 + minute;
        expect(onTime || justAfterGap).toBe(true);
        if (r.kind === 'weekly') expect(toLocal(change.getTime(), r.timeZone).weekday).toBe(new Date(`${r.startDate}T12:00:00Z`).getUTCDay());
      }),
      PARAMS,
    );
  });

  it('turns are fair: over whole cycles of shifts everyone is on call the same number of times, in order', () => {
    fc.assert(
      fc.property(rotationArb, (rotation) => {
        const schedule = only(rotation);
        const start = new Date(fromLocal(naiveMs({ ...splitDate(rotation.startDate), ...splitTime(rotation.handoffTime) }), rotation.timeZone));
        let cursor = start;
        const turns: string[] = [];
        for (let i = 0; i < rotation.participants.length * 2 && rotation.participants.length > 1; i++) {
          const now = whoIsOnCall(schedule, cursor);
          turns.push(now.user!);
          cursor = now.until!;
        }
        if (rotation.participants.length > 1) expect(turns).toEqual([...rotation.participants, ...rotation.participants]);
      }),
      { ...PARAMS, numRuns: 60 },
    );
  });

  it('a timeline covers its window with contiguous segments, each agreeing with onCallAt and differing from its neighbour', () => {
    fc.assert(
      fc.property(fc.array(rotationArb, { minLength: 1, maxLength: 3 }), instantArb, (rotations, from) => {
        const schedule: ScheduleSpec = {
          rotations,
          overrides: [{ user: 'UO', start: new Date(from.getTime() + 3 * 3_600_000), end: new Date(from.getTime() + 30 * 3_600_000) }],
        };
        const to = new Date(from.getTime() + 3 * 86_400_000);
        const segments = timeline(schedule, from, to);
        expect(segments[0]!.start).toEqual(from);
        expect(segments.at(-1)!.end).toEqual(to);
        segments.forEach((segment, i) => {
          expect(segment.user).toBe(onCallAt(schedule, segment.start.getTime()));
          expect(onCallAt(schedule, segment.end.getTime() - 1)).toBe(segment.user);
          if (i > 0) {
            expect(segment.start).toEqual(segments[i - 1]!.end);
            expect(segment.user).not.toBe(segments[i - 1]!.user);
          }
        });
      }),
      { ...PARAMS, numRuns: 80 },
    );
  });
});

function splitDate(date: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
function splitTime(time: string) {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { hour, minute };
}
