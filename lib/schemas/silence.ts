// Schemas of silences (`/api/v1/silences`): which new alerts are held back from Slack, and for how long.
import { z } from 'zod';
import { camelizeKeys } from './camelize-keys';
import { ROUTE_PATTERN_PATTERN } from './route';
import { isTimeZone } from '../silences/weekly-schedule';
import { listParamSchema } from './alert';
import { arraySchema, enumSchema, isoDateSchema, severitySchema, strictObject, stringSchema, typeError } from './primitives';

/** FIELD_MATCH_OPERATORS are the ways a field matcher compares an alert's field value (Alertmanager's, bar `!~`). */
export const FIELD_MATCH_OPERATORS = ['=', '!=', '=~'] as const;

/** MAX_SILENCE_MS is the longest a silence may last: longer holds are maintenance windows or routing changes. */
export const MAX_SILENCE_MS = 90 * 24 * 3_600_000;

const fieldMatcherSchema = strictObject({
  name: stringSchema({ min: 1, max: 100 }),
  op: z.enum(FIELD_MATCH_OPERATORS, { error: typeError(`one of ${FIELD_MATCH_OPERATORS.join(', ')}`) }),
  value: stringSchema({ max: 200 }),
}).superRefine((matcher, ctx) => {
  if (matcher.op !== '=~') return;
  try {
    new RegExp(`^(?:${matcher.value})$`, 'u');
  } catch {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'is not a valid regular expression' });
  }
});

/** FieldMatcher is one condition on an alert's field: `name op value`, a regex (`=~`) anchored at both ends. */
export type FieldMatcher = z.output<typeof fieldMatcherSchema>;

const silenceFields = {
  event_type: stringSchema({ min: 1, max: 100 })
    .regex(ROUTE_PATTERN_PATTERN, 'may contain only letters, digits, * and _ . : - /')
    .nullable(),
  severities: arraySchema(severitySchema, { min: 0, max: 4, noun: 'severity', unique: true }),
  source: stringSchema({ min: 1, max: 200 }).nullable(),
  fields: arraySchema(fieldMatcherSchema, { min: 0, max: 10, noun: 'field matcher' }),
  starts_at: isoDateSchema,
  ends_at: isoDateSchema,
  comment: stringSchema({ min: 1, max: 500, trim: true }),
};

function checkSpan(value: { startsAt?: Date; endsAt?: Date }, ctx: z.RefinementCtx) {
  if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'must be after starts_at' });
  } else if (value.startsAt && value.endsAt && value.endsAt.getTime() - value.startsAt.getTime() > MAX_SILENCE_MS) {
    ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'must be at most 90 days after starts_at' });
  }
}

/** WEEKDAYS are the day names of maintenance windows, Sunday first (their index is the stored weekday). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const localTimeSchema = stringSchema({ max: 10 }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM, e.g. 02:00');

/**
 * maintenanceWindowInputSchema validates a maintenance window: the matchers of a silence (at least one), and a
 * weekly schedule — `days`, local `start` and `end` (an end at or before the start is the next day) in an IANA
 * `time_zone`. Output in camelCase, days as weekday numbers (0 = Sunday).
 */
export const maintenanceWindowInputSchema = strictObject({
  name: stringSchema({ min: 1, max: 100, trim: true }),
  event_type: silenceFields.event_type.optional(),
  severities: silenceFields.severities.default([]),
  source: silenceFields.source.optional(),
  fields: silenceFields.fields.default([]),
  time_zone: stringSchema({ min: 1, max: 64 }).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  days: arraySchema(enumSchema(WEEKDAYS), { min: 1, max: 7, noun: 'day', unique: true }),
  start: localTimeSchema,
  end: localTimeSchema,
})
  .transform(({ days, ...rest }) => ({ ...camelizeKeys(rest), days: days.map((day) => WEEKDAYS.indexOf(day)) }))
  .superRefine((input, ctx) => {
    if (!input.eventType && input.severities.length === 0 && !input.source && input.fields.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['event_type'], message: 'a window needs at least one matcher (event_type "*" silences everything)' });
    }
    if (input.start === input.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must differ from start' });
  });

/** MaintenanceWindowInput is a validated maintenance window. */
export type MaintenanceWindowInput = z.output<typeof maintenanceWindowInputSchema>;

/**
 * silenceInputSchema validates a new silence: at least one matcher (a silence of everything must say so with
 * `event_type: "*"`), an end after its start (start defaults to now). Output in camelCase.
 */
export const silenceInputSchema = strictObject({
  ...silenceFields,
  event_type: silenceFields.event_type.optional(),
  severities: silenceFields.severities.default([]),
  source: silenceFields.source.optional(),
  fields: silenceFields.fields.default([]),
  starts_at: silenceFields.starts_at.optional(),
})
  .transform(camelizeKeys)
  .superRefine((input, ctx) => {
    if (!input.eventType && input.severities.length === 0 && !input.source && input.fields.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['event_type'], message: 'a silence needs at least one matcher (event_type "*" silences everything)' });
    }
    checkSpan({ startsAt: input.startsAt ?? new Date(), endsAt: input.endsAt }, ctx);
  });

/** SilenceInput is a validated new silence. */
export type SilenceInput = z.output<typeof silenceInputSchema>;

/** silencePatchSchema validates a partial silence update (at least one field); output in camelCase. */
export const silencePatchSchema = strictObject(silenceFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .transform(camelizeKeys)
  .superRefine(checkSpan);

/** SilencePatch is a validated silence update; absent keys are left unchanged. */
export type SilencePatch = z.output<typeof silencePatchSchema>;

/** SILENCE_STATES are where a silence is in time. */
export const SILENCE_STATES = ['pending', 'active', 'expired'] as const;

/** silenceListQuerySchema validates the `GET /api/v1/silences` query: `state` (repeatable) filters. */
export const silenceListQuerySchema = strictObject({ state: listParamSchema(enumSchema(SILENCE_STATES)).optional() });
