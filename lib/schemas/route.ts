// Schemas of routing rules (`/api/v1/routes`, DESIGN.md §5): which event types and severities go to which channels.
import { z } from 'zod';
import { camelizeKeys } from './camelize-keys';
import { arraySchema, enumSchema, nameSchema, severitySchema, strictObject, stringSchema, typeError } from './primitives';

/** ROUTE_PATTERN_PATTERN is the alphabet of event-type patterns: an event type that may contain `*` wildcards. */
export const ROUTE_PATTERN_PATTERN = /^[A-Za-z0-9_.:\-/*]+$/;

/** SLACK_CHANNEL_ID_PATTERN matches public (`C…`) and private (`G…`) Slack channel ids. */
export const SLACK_CHANNEL_ID_PATTERN = /^[CG][A-Z0-9]{2,}$/;

const patternSchema = stringSchema({ min: 1, max: 100 }).regex(
  ROUTE_PATTERN_PATTERN,
  'may contain only letters, digits, * and _ . : - /',
);

const channelIdSchema = stringSchema({ min: 1, max: 50 }).regex(
  SLACK_CHANNEL_ID_PATTERN,
  'must be a Slack channel id such as C0123ABCD',
);

// No defaults here: a patch must only carry the keys the caller sent.
const routeFields = {
  name: nameSchema,
  event_types: arraySchema(patternSchema, { min: 1, max: 20, noun: 'event type pattern' }),
  severities: arraySchema(severitySchema, { min: 1, max: 4, noun: 'severity', unique: true }),
  channels: arraySchema(channelIdSchema, { min: 1, max: 20, noun: 'channel', unique: true }),
  template_id: stringSchema({ min: 1, max: 100 }).nullable(),
  enabled: z.boolean({ error: typeError('true or false') }),
  thread_replies: enumSchema(['all', 'status', 'none']),
  storm_limit: z
    .int({ error: typeError('a whole number from 0 to 1000') })
    .min(0, 'must be at least 0 (0: never fold)')
    .max(1000, 'must be at most 1000'),
};

/**
 * routeInputSchema validates a new route and outputs `{ name, eventTypes, severities, channels, templateId?,
 * enabled, stormLimit }` (enabled defaults to true; templateId null or absent means the default template;
 * stormLimit, the posts per minute to a channel above which alerts fold into a digest, defaults to 10;
 * threadReplies — what the alert threads get: `all` lifecycle events, `status` changes only, `none` — to `all`).
 */
export const routeInputSchema = strictObject({
  ...routeFields,
  template_id: routeFields.template_id.optional(),
  enabled: routeFields.enabled.default(true),
  storm_limit: routeFields.storm_limit.default(10),
  thread_replies: routeFields.thread_replies.default('all'),
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
