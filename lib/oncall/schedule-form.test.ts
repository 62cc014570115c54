import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import type { Rotation } from './on-call';
import { parseRotationForm } from './schedule-form';

const layer = (participants: string[], extra: Partial<Rotation> = {}): Rotation => ({ kind: 'weekly', startDate: '2026-01-05', handoffTime: '09:00', timeZone: 'UTC', participants, ...extra });
const form = { kind: 'daily', every_hours: '', start_date: '2026-02-01', handoff_time: '10:30', time_zone: 'Europe/Berlin', participants: 'U0CY, U0DAN' };

describe('the rotation forms of an existing schedule', () => {
  it('edit one layer in place, keeping what the form does not show, and leave the others as they were', () => {
    const existing = [layer(['U0ADA']), layer(['U0BOB'], { name: 'Weekend', restrict: { days: ['sat', 'sun'], from: '00:00', to: '23:59' } })];
    expect(parseRotationForm(form, existing, 1)).toEqual([
      existing[0],
      { name: 'Weekend', kind: 'daily', startDate: '2026-02-01', handoffTime: '10:30', timeZone: 'Europe/Berlin', participants: ['U0CY', 'U0DAN'], restrict: { days: ['sat', 'sun'], from: '00:00', to: '23:59' } },
    ]);
  });

  it('add a layer last (it wins over earlier ones), and turn an hourly rotation daily without a stale every_hours', () => {
    const existing = [layer(['U0ADA'], { kind: 'hourly', everyHours: 12 })];
    expect(parseRotationForm({ ...form, kind: 'hourly', every_hours: '8' }, existing, null).map((r) => [r.kind, r.everyHours, r.participants])).toEqual([
      ['hourly', 12, ['U0ADA']],
      ['hourly', 8, ['U0CY', 'U0DAN']],
    ]);
    expect(parseRotationForm(form, existing, 0)[0]).not.toHaveProperty('everyHours');
  });

  it('name the form field of a bad value, and refuse a layer that does not exist', () => {
    const error = (() => {
      try {
        parseRotationForm({ ...form, time_zone: 'Mars/Olympus' }, [layer(['U0ADA']), layer(['U0BOB'])], 1);
      } catch (caught) {
        return caught as AppError;
      }
    })();
    expect(error?.details).toContainEqual({ field: 'time_zone', message: 'must be an IANA time zone such as Europe/Berlin or UTC' });
    expect(() => parseRotationForm(form, [layer(['U0ADA'])], 3)).toThrow('No such rotation.');
  });
});
