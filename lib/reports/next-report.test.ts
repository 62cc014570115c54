import { describe, expect, it } from 'vitest';
import { nextReportAt, reportPeriod } from './reports';

const daily = { days: [0, 1, 2, 3, 4, 5, 6], time: '09:00', timeZone: 'Europe/Berlin' };

describe('nextReportAt', () => {
  it('is the next local send time, DST-correct, strictly after the given instant', () => {
    expect(nextReportAt(daily, new Date('2026-03-28T07:30:00Z'))?.toISOString()).toBe('2026-03-28T08:00:00.000Z'); // CET
    expect(nextReportAt(daily, new Date('2026-03-28T08:00:00Z'))?.toISOString()).toBe('2026-03-29T07:00:00.000Z'); // CEST from the 29th
    const mondays = { ...daily, days: [1], time: '23:59' };
    expect(nextReportAt(mondays, new Date('2026-12-03T12:00:00Z'))?.toISOString()).toBe('2026-12-07T22:59:00.000Z');
  });

  it('covers the time since the last report, or one day / one week back', () => {
    const at = new Date('2026-12-07T08:00:00Z');
    expect(reportPeriod({ days: daily.days, lastSentAt: null }, at).since.toISOString()).toBe('2026-12-06T08:00:00.000Z');
    expect(reportPeriod({ days: [1], lastSentAt: null }, at).since.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(reportPeriod({ days: [1], lastSentAt: new Date('2026-12-01T00:00:00Z') }, at).since.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
