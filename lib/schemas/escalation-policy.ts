// Schemas of escalation policies (`/api/v1/escalation-policies`): ordered steps, each "after N minutes
// unacknowledged, notify these", and how many times the whole policy repeats.
import { z } from 'zod';
import { arraySchema, nameSchema, strictObject, stringSchema, typeError } from './primitives';
import { SLACK_CHANNEL_ID_PATTERN } from './route';
import { slackUserGroupIdSchema, slackUserIdSchema } from './schedule';

/** EscalationTarget is whom a step notifies. */
export type EscalationTarget =
  | { type: 'schedule'; id: string }
  | { type: 'user'; id: string }
  | { type: 'user_group'; id: string }
  | { type: 'channel'; id: string }
  | { type: 'here' };

/** EscalationStep notifies its targets `afterMinutes` after the previous step (the first: after the trigger). */
export interface EscalationStep {
  afterMinutes: number;
  targets: EscalationTarget[];
}

const targetSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({ type: z.literal('schedule'), id: stringSchema({ min: 1, max: 100 }) }),
    strictObject({ type: z.literal('user'), id: slackUserIdSchema }),
    strictObject({ type: z.literal('user_group'), id: slackUserGroupIdSchema }),
    strictObject({ type: z.literal('channel'), id: stringSchema({ min: 1, max: 50 }).regex(SLACK_CHANNEL_ID_PATTERN, 'must be a Slack channel id such as C0123ABCD') }),
    strictObject({ type: z.literal('here') }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'must be one of schedule, user, user_group, channel, here' : undefined) },
);

const stepSchema = strictObject({
  after_minutes: z.int({ error: typeError('a whole number of minutes') }).min(0, 'must be at least 0').max(24 * 60, 'must be at most 1440'),
  targets: arraySchema(targetSchema, { min: 1, max: 10, noun: 'target' }),
}).transform((step): EscalationStep => ({ afterMinutes: step.after_minutes, targets: step.targets }));

const policyFields = {
  name: nameSchema,
  steps: arraySchema(stepSchema, { min: 1, max: 20, noun: 'step' }),
  repeat: z.int({ error: typeError('a whole number') }).min(0, 'must be at least 0').max(9, 'must be at most 9'),
};

/** escalationPolicyInputSchema validates a new policy; `repeat` (extra rounds after the last step) defaults to 0. */
export const escalationPolicyInputSchema = strictObject({ ...policyFields, repeat: policyFields.repeat.default(0) });

/** EscalationPolicyInput is a validated new policy. */
export type EscalationPolicyInput = z.output<typeof escalationPolicyInputSchema>;

/** escalationPolicyPatchSchema validates a policy update: any of its fields, at least one (steps replaced whole). */
export const escalationPolicyPatchSchema = strictObject(policyFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

/** EscalationPolicyPatch is a validated policy update. */
export type EscalationPolicyPatch = z.output<typeof escalationPolicyPatchSchema>;
