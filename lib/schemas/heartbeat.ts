// Schemas of heartbeats (`/api/v1/heartbeats`): a dead-man's switch with an expected interval and a grace.
import { z } from 'zod';
import { eventTypeSchema, nameSchema, severitySchema, strictObject, typeError } from './primitives';

const seconds = (min: number, max: number) =>
  z.int({ error: typeError('a whole number of seconds') }).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const heartbeatFields = {
  name: nameSchema,
  interval_seconds: seconds(60, 7 * 86_400),
  grace_seconds: seconds(0, 86_400),
  event_type: eventTypeSchema,
  severity: severitySchema,
};

/** heartbeatInputSchema validates a new heartbeat; grace defaults to 60 s, event type to heartbeat.missed, severity to critical. */
export const heartbeatInputSchema = strictObject({
  ...heartbeatFields,
  grace_seconds: heartbeatFields.grace_seconds.default(60),
  event_type: heartbeatFields.event_type.default('heartbeat.missed'),
  severity: heartbeatFields.severity.default('critical'),
});

/** HeartbeatInput is a validated new heartbeat. */
export type HeartbeatInput = z.output<typeof heartbeatInputSchema>;

/** heartbeatPatchSchema validates a heartbeat update: any of its fields, at least one. */
export const heartbeatPatchSchema = strictObject(heartbeatFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

/** HeartbeatPatch is a validated heartbeat update. */
export type HeartbeatPatch = z.output<typeof heartbeatPatchSchema>;
