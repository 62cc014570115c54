'use client';

import { FieldError, fieldA11y } from '@/app/(dashboard)/components/field-error';
import { listOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { WEEKDAYS } from '@/lib/schemas/silence';

const DAY_NAMES = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' } as const;

/**
 * WeeklyFields are the weekday checkboxes and the time zone of a weekly schedule (maintenance windows, reports),
 * refilled from a failed submission; `form` names the form's ids, `defaultDays` are checked at first.
 */
export function WeeklyFields({ form, state, defaultDays }: { form: string; state: FormState; defaultDays: readonly string[] }) {
  const values = state.status === 'error' ? state.values : undefined;
  const days = listOf(values, 'days', defaultDays);
  return (
    <>
      <fieldset className="field" {...fieldA11y(form, 'days', state)}>
        <legend>Days</legend>
        <div className="filters">
          {WEEKDAYS.map((day) => (
            <label key={`${day}-${state.status}-${days.join()}`} className="check">
              <input type="checkbox" name="days" value={day} defaultChecked={days.includes(day)} /> {DAY_NAMES[day]}
            </label>
          ))}
        </div>
        <FieldError form={form} field="days" state={state} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${form}-time-zone`}>Time zone</label>
        <input id={`${form}-time-zone`} name="time_zone" placeholder="Europe/Berlin" defaultValue={values ? valueOf(values, 'time_zone') : 'UTC'} key={`tz-${state.status}`} {...fieldA11y(form, 'time_zone', state)} />
        <FieldError form={form} field="time_zone" state={state} />
      </div>
    </>
  );
}
