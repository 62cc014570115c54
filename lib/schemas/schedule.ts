// Schemas of on-call schedules (`/api/v1/schedules`): rotations in layers and overrides, snake_case at the
// edge, the domain's Rotation/Override shapes (lib/oncall/on-call.ts) out.
import { z } from 'zod';
import { WEEKDAY_NAMES, type Override, type Rotation } from '../oncall/on-call';
import { isTimeZone } from '../oncall/zoned-time';
import { arraySchema, enumSchema, isoDateSchema, nameSchema, strictObject, stringSchema, typeError } from './primitives';

/** SLACK_USER_ID_PATTERN matches Slack user ids (`U…`, or `W…` on Enterprise Grid). */
export const SLACK_USER_ID_PATTERN = /^[UW][A-Z0-9]{2,}$/;

/** slackUserIdSchema is the id of a Slack member, such as U0123ABCD. */
export const slackUserIdSchema = stringSchema({ min: 1, max: 50 }).regex(SLACK_USER_ID_PATTERN, 'must be a Slack user id such as U0123ABCD');

/** slackUserGroupIdSchema is the id of a Slack user group, such as S0123ABCD. */
export const slackUserGroupIdSchema = stringSchema({ min: 1, max: 50 }).regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user group id such as S0123ABCD');

/** timeZoneSchema is an IANA time zone name such as Europe/Berlin. */
export const timeZoneSchema = stringSchema({ min: 1, max: 64 }).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC');

const localDateSchema = stringSchema({ min: 1, max: 10 }).refine(
  // An impossible date (0000-00-00, 2026-02-30) is an invalid Date, whose toISOString throws: check it first.
  (value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  },
  'must be a date YYYY-MM-DD',
);
const localTimeSchema = stringSchema({ min: 1, max: 5 }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour)');

const rotationSchema = strictObject({
  name: stringSchema({ max: 100, trim: true }).optional(),
  kind: enumSchema(['daily', 'weekly', 'hourly']),
  every_hours: z.int({ error: typeError('a whole number of hours') }).min(1, 'must be at least 1').max(24 * 28, 'must be at most 672').optional(),
  start_date: localDateSchema,
  handoff_time: localTimeSchema,
  time_zone: timeZoneSchema,
  participants: arraySchema(slackUserIdSchema, { min: 1, max: 50, noun: 'participant' }),
  restrict: strictObject({
    days: arraySchema(enumSchema(WEEKDAY_NAMES), { min: 1, max: 7, noun: 'day', unique: true }),
    from: localTimeSchema,
    to: localTimeSchema,
  })
    .refine((window) => window.from !== window.to, { message: 'from and to must differ', path: ['to'] })
    .optional(),
  end_date: localDateSchema.optional(),
})
  .refine((rotation) => rotation.kind !== 'hourly' || rotation.every_hours !== undefined, { message: 'is required for an hourly rotation', path: ['every_hours'] })
  .refine((rotation) => !rotation.end_date || rotation.end_date > rotation.start_date, { message: 'must be after start_date', path: ['end_date'] })
  .transform(
    (rotation): Rotation => ({
      ...(rotation.name ? { name: rotation.name } : {}),
      kind: rotation.kind,
      ...(rotation.kind === 'hourly' ? { everyHours: rotation.every_hours } : {}),
      startDate: rotation.start_date,
      handoffTime: rotation.handoff_time,
      timeZone: rotation.time_zone,
      participants: rotation.participants,
      ...(rotation.restrict ? { restrict: rotation.restrict } : {}),
      ...(rotation.end_date ? { endDate: rotation.end_date } : {}),
    }),
  );

const overrideSchema = strictObject({ user: slackUserIdSchema, start: isoDateSchema, end: isoDateSchema })
  .refine((override) => override.end > override.start, { message: 'must be after start', path: ['end'] })
  .transform((override): Override => override);

const scheduleFields = {
  name: nameSchema,
  rotations: arraySchema(rotationSchema, { min: 0, max: 10, noun: 'rotation' }),
  overrides: arraySchema(overrideSchema, { min: 0, max: 200, noun: 'override' }),
  /** A Slack user group kept equal to who is on call (null: none). */
  user_group_id: slackUserGroupIdSchema.nullable(),
};

/** scheduleInputSchema validates a new schedule: a name, rotations (later layers win) and overrides (both default to none). */
export const scheduleInputSchema = strictObject({
  name: scheduleFields.name,
  rotations: scheduleFields.rotations.default([]),
  overrides: scheduleFields.overrides.default([]),
  user_group_id: scheduleFields.user_group_id.default(null),
});

/** ScheduleInput is a validated new schedule. */
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

/** schedulePatchSchema validates a schedule update: any of name, rotations, overrides (each replaced whole), user_group_id. */
export const schedulePatchSchema = strictObject(scheduleFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

/** SchedulePatch is a validated schedule update. */
export type SchedulePatch = z.output<typeof schedulePatchSchema>;

/** onCallQuerySchema reads `?at=` (an instant; default now) and `?days=` (timeline length, default 14). */
export const onCallQuerySchema = strictObject({
  at: isoDateSchema.optional(),
  days: z.coerce.number({ error: typeError('a number of days') }).int('must be a whole number').min(1, 'must be at least 1').max(31, 'must be at most 31').default(14),
});
