// Schemas of routing rules (`/api/v1/routes`, DESIGN.md §5): which event types and severities go to which channels.
import { z } from 'zod';
import { camelizeKeys } from './camelize-keys';
import { arraySchema, enumSchema, nameSchema, severitySchema, strictObject, stringSchema, typeError } from './primitives';

/** ROUTE_PATTERN_PATTERN is the alphabet of event-type patterns: an event type that may contain `*` wildcards. */
export const ROUTE_PATTERN_PATTERN = /^[A-Za-z0-9_.:\-/*]+$/;

/** SLACK_CHANNEL_ID_PATTERN matches public (`C…`) and private (`G…`) Slack channel ids. */
export const SLACK_CHANNEL_ID_PATTERN = /^[CG][A-Z0-9]{2,}$/;

// `**` means what `*` means (any run of characters): a pattern like `***` is a slip, refused rather than kept.
// An empty pattern gets "must not be empty" alone: the alphabet check (ROUTE_PATTERN_PATTERN with `*` for `+`) passes "".
const patternSchema = stringSchema({ min: 1, max: 100 })
  .regex(new RegExp(`${ROUTE_PATTERN_PATTERN.source.slice(0, -2)}*$`), 'may contain only letters, digits, * and _ . : - /')
  .refine((pattern) => !pattern.includes('**'), 'may not have * twice in a row: one * already matches any run of characters');

const channelIdSchema = stringSchema({ min: 1, max: 50 }).regex(
  SLACK_CHANNEL_ID_PATTERN,
  'must be a Slack channel id such as C0123ABCD',
);

const minutesSchema = z.int({ error: typeError('a whole number of minutes') }).min(1, 'must be at least 1').max(10_080, 'must be at most 10080 (a week)');

/** GROUP_BY_PATTERN is a route's grouping key: the event type, the sender's group key, or one field's value. */
export const GROUP_BY_PATTERN = /^(event_type|group_key|field:.{1,100})$/s;

const groupBySchema = stringSchema({ min: 1, max: 106 }).regex(GROUP_BY_PATTERN, 'must be event_type, group_key or field:<name>').nullable();

// No defaults here: a patch must only carry the keys the caller sent.
const routeFields = {
  name: nameSchema,
  event_types: arraySchema(patternSchema, { min: 1, max: 20, noun: 'event type pattern' }),
  severities: arraySchema(severitySchema, { min: 1, max: 4, noun: 'severity', unique: true }),
  channels: arraySchema(channelIdSchema, { min: 1, max: 20, noun: 'channel', unique: true }),
  template_id: stringSchema({ min: 1, max: 100 }).nullable(),
  enabled: z.boolean({ error: typeError('true or false') }),
  escalation_policy_id: stringSchema({ min: 1, max: 100 }).nullable(),
  auto_resolve_minutes: minutesSchema.nullable(),
  reminder_minutes: minutesSchema.nullable(),
  reminder_retrigger: z.boolean({ error: typeError('true or false') }),
  thread_replies: enumSchema(['all', 'status', 'none']),
  storm_limit: z
    .int({ error: typeError('a whole number from 0 to 1000') })
    .min(0, 'must be at least 0 (0: never fold)')
    .max(1000, 'must be at most 1000'),
  group_by: groupBySchema,
};

/**
 * routeInputSchema validates a new route and outputs `{ name, eventTypes, severities, channels, templateId?,
 * enabled, stormLimit }` (enabled defaults to true; templateId null or absent means the default template;
 * stormLimit, the posts per minute to a channel above which alerts fold into a digest, defaults to 10;
 * threadReplies — what the alert threads get: `all` lifecycle events, `status` changes only, `none` — to `all`; groupBy —
 * `event_type`, `group_key` or `field:<name>`: alerts with the same key share one message per channel — to null).
 */
export const routeInputSchema = strictObject({
  ...routeFields,
  template_id: routeFields.template_id.optional(),
  escalation_policy_id: routeFields.escalation_policy_id.optional(),
  auto_resolve_minutes: routeFields.auto_resolve_minutes.optional(),
  reminder_minutes: routeFields.reminder_minutes.optional(),
  reminder_retrigger: routeFields.reminder_retrigger.default(false),
  enabled: routeFields.enabled.default(true),
  storm_limit: routeFields.storm_limit.default(10),
  thread_replies: routeFields.thread_replies.default('all'),
  group_by: routeFields.group_by.default(null),
}).transform(camelizeKeys);

/** RouteInput is a validated new route. */
export type RouteInput = z.output<typeof routeInputSchema>;

/** routePatchSchema validates a partial route update: any route field, at least one; output in camelCase. */
export const routePatchSchema = strictObject(routeFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .transform(camelizeKeys);

/** RoutePatch is a validated route update; absent keys are left unchanged, `templateId: null` clears the template. */
export type RoutePatch = z.output<typeof routePatchSchema>;

/** routeOrderSchema is a new evaluation order: every route id of the workspace, first first. */
export const routeOrderSchema = strictObject({
  route_ids: arraySchema(stringSchema({ min: 1, max: 100 }), { min: 0, max: 1000, noun: 'route id', unique: true }),
}).transform(camelizeKeys);
