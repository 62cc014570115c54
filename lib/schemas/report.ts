// Schemas of scheduled reports (`/api/v1/reports`): which channel gets a summary, on which days, at what local time.
import type { z } from 'zod';
import { isTimeZone } from '../silences/weekly-schedule';
import { SLACK_CHANNEL_ID_PATTERN } from './route';
import { WEEKDAYS } from './silence';
import { arraySchema, enumSchema, strictObject, stringSchema } from './primitives';

/**
 * reportInputSchema validates a report: `channel`, `days` (all seven: daily; one: weekly), local `time`
 * (HH:MM) in `time_zone`. Output: `{ channel, days (0 = Sunday), time, timeZone }`.
 */
export const reportInputSchema = strictObject({
  channel: stringSchema({ min: 1, max: 50 }).regex(SLACK_CHANNEL_ID_PATTERN, 'must be a Slack channel id such as C0123ABCD'),
  days: arraySchema(enumSchema(WEEKDAYS), { min: 1, max: 7, noun: 'day', unique: true }),
  time: stringSchema({ max: 10 }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM, e.g. 09:00'),
  time_zone: stringSchema({ min: 1, max: 64 }).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
}).transform(({ days, time_zone: timeZone, ...rest }) => ({ ...rest, timeZone, days: days.map((day) => WEEKDAYS.indexOf(day)).sort() }));

/** ReportInput is a validated report. */
export type ReportInput = z.output<typeof reportInputSchema>;
