// Schemas of integrations (`/api/v1/integrations`, DESIGN.md §5a): a configured source of alerts of one kind, with
// its own settings — the Alertmanager label that names the event type, a severity map for words such as `page` or
// `P1`, a webhook's field mapping, and an HMAC check of what a sender signs.
import { z } from 'zod';
import { arraySchema, enumSchema, nameSchema, severitySchema, strictObject, stringSchema } from './primitives';

/** INTEGRATION_KINDS lists the sources an integration can be: the four drop-in formats and any JSON webhook. */
export const INTEGRATION_KINDS = ['alertmanager', 'grafana', 'pagerduty', 'opsgenie', 'webhook'] as const;

/** IntegrationKind is one of INTEGRATION_KINDS. */
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** WEBHOOK_PRESETS names the shipped field mappings (lib/integrations/presets.ts). */
export const WEBHOOK_PRESETS = ['sentry', 'datadog', 'cloudwatch'] as const;

const templateSchema = stringSchema({ min: 1, max: 1_000 });
const wordsSchema = arraySchema(stringSchema({ min: 1, max: 100 }), { min: 1, max: 20, noun: 'value' });

/** webhookMappingSchema is where a JSON body keeps each part of an alert: `{{path}}` templates, or constants. */
export const webhookMappingSchema = strictObject({
  title: templateSchema,
  event_type: templateSchema.optional(),
  severity: templateSchema.optional(),
  description: templateSchema.optional(),
  dedup_key: templateSchema.optional(),
  source: templateSchema.optional(),
  occurred_at: templateSchema.optional(),
  status: templateSchema.optional(),
  resolved_values: wordsSchema.optional(),
  acknowledged_values: wordsSchema.optional(),
  links: arraySchema(strictObject({ text: templateSchema, url: templateSchema }), { min: 0, max: 10, noun: 'link' }).optional(),
  fields: z
    .record(stringSchema({ min: 1, max: 100 }), templateSchema)
    .refine((fields) => Object.keys(fields).length <= 50, 'must have at most 50 fields')
    .optional(),
});

/** WebhookMapping is a validated field mapping. */
export type WebhookMapping = z.output<typeof webhookMappingSchema>;

/** severityMapSchema maps a source's severity words (any case) to Klaxon's four. */
export const severityMapSchema = z
  .record(stringSchema({ min: 1, max: 50, trim: true }), severitySchema)
  .refine((map) => Object.keys(map).length <= 100, 'must have at most 100 words');

/** HMAC_ALGORITHMS are the digests a webhook signature may use. */
export const HMAC_ALGORITHMS = ['sha256', 'sha1', 'sha512'] as const;

/**
 * hmacInputSchema is a signature check: the header carrying it, the digest and its encoding, a prefix before the
 * digest (`sha256=` for GitHub-style senders), and an optional header with a timestamp that was signed as
 * `<timestamp>:<body>` (Grafana's variant). `secret` is write-only.
 */
export const hmacInputSchema = strictObject({
  secret: stringSchema({ min: 8, max: 500 }),
  header: stringSchema({ min: 1, max: 100, trim: true }).regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name').optional(),
  timestamp_header: stringSchema({ min: 1, max: 100, trim: true }).regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name').optional(),
  algorithm: enumSchema(HMAC_ALGORITHMS).default('sha256'),
  encoding: enumSchema(['hex', 'base64']).default('hex'),
  prefix: stringSchema({ min: 1, max: 50 }).optional(),
});

/** HmacInput is a validated signature check, secret included. */
export type HmacInput = z.output<typeof hmacInputSchema>;

const commonFields = {
  name: nameSchema,
  severity_map: severityMapSchema.optional(),
};

const eventTypeLabelSchema = stringSchema({ min: 1, max: 100, trim: true }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Prometheus label name');

/** integrationInputSchema validates a new integration; which settings apply depends on its kind. */
export const integrationInputSchema = z.discriminatedUnion(
  'kind',
  [
    strictObject({ kind: z.literal('alertmanager'), ...commonFields, event_type_label: eventTypeLabelSchema.optional() }),
    strictObject({ kind: z.literal('grafana'), ...commonFields, event_type_label: eventTypeLabelSchema.optional(), hmac: hmacInputSchema.optional() }),
    strictObject({ kind: z.literal('pagerduty'), name: nameSchema }),
    strictObject({ kind: z.literal('opsgenie'), ...commonFields }),
    strictObject({
      kind: z.literal('webhook'),
      ...commonFields,
      preset: enumSchema(WEBHOOK_PRESETS).optional(),
      mapping: webhookMappingSchema.optional(),
      hmac: hmacInputSchema.optional(),
      sample: z.unknown().optional(),
    }).refine((input) => input.preset !== undefined || input.mapping !== undefined, { path: ['mapping'], message: 'is required (or a preset)' }),
  ],
  { error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${INTEGRATION_KINDS.join(', ')}`) },
);

/** IntegrationInput is a validated new integration. */
export type IntegrationInput = z.output<typeof integrationInputSchema>;

/** integrationPatchSchema changes some settings of an integration (its kind never changes; `null` removes one). */
export const integrationPatchSchema = strictObject({
  name: nameSchema,
  severity_map: severityMapSchema.nullable(),
  event_type_label: eventTypeLabelSchema.nullable(),
  preset: enumSchema(WEBHOOK_PRESETS),
  mapping: webhookMappingSchema,
  hmac: hmacInputSchema.nullable(),
  sample: z.unknown(),
})
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

/** IntegrationPatch is a validated change. */
export type IntegrationPatch = z.output<typeof integrationPatchSchema>;

/** mappingPreviewSchema is a sample body and the mapping (or preset) to try on it, unsaved. */
export const mappingPreviewSchema = strictObject({
  preset: enumSchema(WEBHOOK_PRESETS).optional(),
  mapping: webhookMappingSchema.optional(),
  severity_map: severityMapSchema.optional(),
  sample: z.unknown().refine((sample) => sample !== undefined, 'is required'),
}).refine((input) => input.preset !== undefined || input.mapping !== undefined, { path: ['mapping'], message: 'is required (or a preset)' });
