// The dashboard's schedule forms: flat fields (a schedule with one rotation; an override) turned into the
// API's bodies and validated with the API's schemas, errors named by the form's own fields.
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { splitList, type FormValues } from '../forms/form-state';
import { formatZodError } from '../schemas/format-zod-error';
import { scheduleInputSchema, schedulePatchSchema, type ScheduleInput } from '../schemas/schedule';
import type { Override } from './on-call';

/** SCHEDULE_FORM_FIELDS are the fields of the new-schedule form, each a field of its one rotation but the name. */
export const SCHEDULE_FORM_FIELDS = ['name', 'kind', 'every_hours', 'start_date', 'handoff_time', 'time_zone', 'participants'] as const;

const text = (values: FormValues, field: string) => {
  const value = values[field];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

// Re-throws a validation failure with each detail named by the form field it came from (`rotations.0.time_zone` → `time_zone`).
function asFormError(error: unknown): never {
  if (!(error instanceof ZodError)) throw error;
  const { details } = formatZodError(error);
  const fields = details.map((detail) => ({ field: detail.field.replace(/^rotations\.0\.|^overrides\.\d+\./, '').replace(/^participants\.\d+$/, 'participants'), message: detail.message }));
  throw new AppError('invalid_request', `${fields[0]?.field}: ${fields[0]?.message}`, fields);
}

/** parseNewScheduleForm validates the new-schedule form as the API's body of a schedule with one rotation. */
export function parseNewScheduleForm(values: FormValues): ScheduleInput {
  const kind = text(values, 'kind');
  const rotation = {
    kind,
    ...(kind === 'hourly' ? { every_hours: Number(text(values, 'every_hours')) || undefined } : {}),
    start_date: text(values, 'start_date'),
    handoff_time: text(values, 'handoff_time'),
    time_zone: text(values, 'time_zone'),
    participants: splitList(values.participants),
  };
  try {
    return scheduleInputSchema.parse({ name: text(values, 'name'), rotations: [rotation] });
  } catch (error) {
    asFormError(error);
  }
}

/** parseOverrideForm validates an override (`user`, `start`, `end` as datetime-local in UTC) and returns the schedule's new list. */
export function parseOverrideForm(values: FormValues, existing: Override[]): Override[] {
  const utc = (field: string) => (text(values, field) ? `${text(values, field)}:00Z`.replace(/(:\d\d):00:00Z$/, '$1:00Z') : '');
  const body = { overrides: [...existing.map((o) => ({ user: o.user, start: o.start.toISOString(), end: o.end.toISOString() })), { user: text(values, 'user'), start: utc('start'), end: utc('end') }] };
  try {
    return schedulePatchSchema.parse(body).overrides!;
  } catch (error) {
    asFormError(error);
  }
}
