// Schemas of the alerts API (DESIGN.md §5): the `POST /api/v1/alerts` body and the `GET /api/v1/alerts` query.
// Both accept the contract's snake_case and output camelCase for lib/ (see camelize-keys.ts).
import { z } from 'zod';
import { camelizeKeys } from './camelize-keys';
import {
  ALERT_STATUSES,
  arraySchema,
  enumSchema,
  eventTypeSchema,
  isoDateSchema,
  severitySchema,
  strictObject,
  stringSchema,
  typeError,
} from './primitives';

/** alertTitleSchema is an alert's one-line summary, trimmed. */
export const alertTitleSchema = stringSchema({ min: 1, max: 250, trim: true });

/** alertDescriptionSchema is an alert's longer text (mrkdwn-escaped when rendered). */
export const alertDescriptionSchema = stringSchema({ max: 10_000 });

/** alertSourceSchema names the system that sent the alert. */
export const alertSourceSchema = stringSchema({ max: 255 });

/** alertFieldsSchema is up to 50 custom fields with short names and string, number or boolean values. */
export const alertFieldsSchema = z
  .record(
    z.string().min(1, 'field names must not be empty').max(100, 'field names must be at most 100 characters'),
    z.union([z.string().max(2_000, 'must be at most 2000 characters'), z.number(), z.boolean()], {
      error: (issue) => (issue.code === 'invalid_union' ? 'must be a string, a number or a boolean' : undefined),
    }),
    { error: typeError('an object of fields') },
  )
  .refine((fields) => Object.keys(fields).length <= 50, 'must have at most 50 fields');

/** alertLinkSchema is a link shown on the alert: only http(s), so a message can't carry `javascript:` URLs. */
export const alertLinkSchema = strictObject({
  text: stringSchema({ min: 1, max: 200 }),
  url: stringSchema({ min: 1, max: 3_000 }).pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }),
  ),
});

/** alertLinksSchema is up to 10 links. */
export const alertLinksSchema = arraySchema(alertLinkSchema, { min: 0, max: 10, noun: 'link' });

const dedupKeySchema = stringSchema({ min: 1, max: 255 });

/**
 * MAX_OCCURRED_AT_AHEAD_HOURS bounds how far in the future `occurred_at` may be. A day is more than any clock
 * skew or time-zone slip (±14 h) of a sender; past it the time is a bug (year 9999), and it would sort the
 * alert above every real one and skew time-to-acknowledge figures. Past times are fine: backfills are real.
 */
export const MAX_OCCURRED_AT_AHEAD_HOURS = 24;

const occurredAtSchema = isoDateSchema.refine(
  (date) => date.getTime() <= Date.now() + MAX_OCCURRED_AT_AHEAD_HOURS * 3_600_000,
  `must not be more than ${MAX_OCCURRED_AT_AHEAD_HOURS} hours in the future; check the sender's clock and time zone`,
);

const commonFields = {
  description: alertDescriptionSchema.optional(),
  source: alertSourceSchema.optional(),
  fields: alertFieldsSchema.default({}),
  links: alertLinksSchema.default([]),
  occurred_at: occurredAtSchema.optional(),
};

// `trigger` (the default action) opens or bumps an alert; it needs the fields a message is made of.
const triggerSchema = strictObject({
  action: z.literal('trigger').optional(),
  event_type: eventTypeSchema,
  severity: severitySchema,
  title: alertTitleSchema,
  dedup_key: dedupKeySchema.optional(),
  // The sender's own grouping key (Alertmanager's groupKey): routes with `group_by: "group_key"` group by it.
  group_key: stringSchema({ min: 1, max: 1_000 }).optional(),
  ...commonFields,
});

// `acknowledge` / `resolve` change the open alert with the dedup key (PagerDuty Events v2): only the key is needed.
const statusChangeSchema = strictObject({
  action: z.enum(['acknowledge', 'resolve']),
  dedup_key: dedupKeySchema,
  event_type: eventTypeSchema.optional(),
  severity: severitySchema.optional(),
  title: alertTitleSchema.optional(),
  ...commonFields,
});

type StatusChangeBody = z.output<typeof statusChangeSchema>;

function isStatusChange(body: z.output<typeof triggerSchema> | StatusChangeBody): body is StatusChangeBody {
  return body.action === 'acknowledge' || body.action === 'resolve';
}

/**
 * alertInputSchema validates the `POST /api/v1/alerts` body and outputs an {@link AlertInput}: the same
 * fields in camelCase (`event_type` → `eventType`, `occurred_at` → `occurredAt` as a Date), with `action`
 * always set (`trigger` by default), `fields` defaulting to `{}` and `links` to `[]`. A trigger without a
 * `dedup_key` leaves it undefined: the caller generates one.
 */
export const alertInputSchema = z
  .discriminatedUnion('action', [triggerSchema, statusChangeSchema], {
    error: (issue) =>
      issue.code === 'invalid_union' ? 'must be one of trigger, acknowledge, resolve' : typeError('a JSON object')(issue),
  })
  .transform((body) => (isStatusChange(body) ? camelizeKeys(body) : { ...camelizeKeys(body), action: 'trigger' as const }));

/** AlertInput is a validated alert body: a trigger, or a status change addressed by dedup key. */
export type AlertInput = z.output<typeof alertInputSchema>;

/** AlertTriggerInput is an AlertInput whose action is `trigger`. */
export type AlertTriggerInput = Extract<AlertInput, { action: 'trigger' }>;

// A query parameter may be repeated (`status=a&status=b`) or comma-separated (`status=a,b`): both become one
// list, without blanks or repeats.
function splitListParam(value: unknown): unknown {
  if (typeof value !== 'string' && !(Array.isArray(value) && value.every((part) => typeof part === 'string'))) return value;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part: string) => part.split(',')).map((part) => part.trim());
  return [...new Set(parts)].filter((part) => part !== '');
}

/** listParamSchema is a list query parameter: repeated, or comma-separated. */
export function listParamSchema<T extends z.ZodType>(item: T) {
  return z.preprocess(splitListParam, arraySchema(item, { min: 0, max: 50, noun: 'value' }));
}

/**
 * alertListQuerySchema validates the `GET /api/v1/alerts` query (see readSearchParams) and outputs
 * `{ status?, severity?, eventType?, since?, until?, limit, cursor?, q?, digest?, group?, silenced? }`; unknown parameters are rejected.
 */
export const alertListQuerySchema = strictObject({
  status: listParamSchema(enumSchema(ALERT_STATUSES)).optional(),
  severity: listParamSchema(severitySchema).optional(),
  event_type: listParamSchema(eventTypeSchema).optional(),
  since: isoDateSchema.optional(),
  until: isoDateSchema.optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 200' })
    .int('must be a whole number from 1 to 200')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  cursor: stringSchema({ min: 1, max: 500 }).optional(),
  q: stringSchema({ max: 200, trim: true })
    .transform((text) => (text === '' ? undefined : text))
    .optional(),
  digest: stringSchema({ min: 1, max: 100 }).optional(),
  group: stringSchema({ min: 1, max: 100 }).optional(),
  silenced: enumSchema(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
})
  .refine((query) => !query.since || !query.until || query.since <= query.until, {
    path: ['until'],
    message: 'must not be before since',
  })
  .transform(camelizeKeys);

/** AlertListQuery is a validated alert list query. */
export type AlertListQuery = z.output<typeof alertListQuerySchema>;
