// The dashboard's schedule forms: flat fields (a schedule with one rotation; a rotation added, edited or
// removed; an override added or removed) turned into the API's bodies and validated with the API's schemas,
// errors named by the form's own fields.
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { splitList, type FormValues } from '../forms/form-state';
import { formatZodError } from '../schemas/format-zod-error';
import { scheduleInputSchema, schedulePatchSchema, type ScheduleInput } from '../schemas/schedule';
import type { Override, Rotation } from './on-call';
import { rotationJson } from './schedules';

const text = (values: FormValues, field: string) => {
  const value = values[field];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

// Re-throws a validation failure with each detail named by the form field it came from (`rotations.0.time_zone` → `time_zone`).
function asFormError(error: unknown): never {
  if (!(error instanceof ZodError)) throw error;
  const { details } = formatZodError(error);
  const fields = details.map((detail) => ({ field: detail.field.replace(/^rotations\.\d+\.|^overrides\.\d+\./, '').replace(/^participants\.\d+$/, 'participants'), message: detail.message }));
  throw new AppError('invalid_request', `${fields[0]?.field}: ${fields[0]?.message}`, fields);
}

// A rotation's form fields as the API's body of one rotation (validated by the caller, with its schedule).
function rotationBody(values: FormValues) {
  const kind = text(values, 'kind');
  return {
    kind,
    ...(kind === 'hourly' ? { every_hours: Number(text(values, 'every_hours')) || undefined } : {}),
    start_date: text(values, 'start_date'),
    handoff_time: text(values, 'handoff_time'),
    time_zone: text(values, 'time_zone'),
    participants: splitList(values.participants),
  };
}

/** parseNewScheduleForm validates the new-schedule form as the API's body of a schedule with one rotation. */
export function parseNewScheduleForm(values: FormValues): ScheduleInput {
  try {
    return scheduleInputSchema.parse({ name: text(values, 'name'), rotations: [rotationBody(values)], user_group_id: text(values, 'user_group_id') || null });
  } catch (error) {
    asFormError(error);
  }
}

/**
 * parseRotationForm validates a rotation's form and returns the schedule's new rotations: the one at `index`
 * replaced (an edit), or the form's added as the last layer (`index` null). Other rotations keep their fields
 * the form does not show (name, restrict, end date); an edited one keeps its name, restriction and end too.
 */
export function parseRotationForm(values: FormValues, existing: Rotation[], index: number | null): Rotation[] {
  const kept = existing.map(rotationJson);
  const edited = index === null ? undefined : kept[index];
  if (index !== null && !edited) throw new AppError('not_found', 'No such rotation.');
  const { every_hours: _unused, kind: _kind, ...rest } = edited ?? {};
  const body = { ...rest, ...rotationBody(values) };
  const rotations = index === null ? [...kept, body] : kept.map((rotation, i) => (i === index ? body : rotation));
  try {
    return schedulePatchSchema.parse({ rotations }).rotations!;
  } catch (error) {
    asFormError(error);
  }
}

/** parseUserGroupForm validates the schedule's user group field (empty: none). */
export function parseUserGroupForm(values: FormValues): string | null {
  try {
    return schedulePatchSchema.parse({ user_group_id: text(values, 'user_group_id') || null }).user_group_id ?? null;
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
