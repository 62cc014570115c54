// zod schemas of the JSON the REST handlers answer with, for the OpenAPI document only: they mirror the
// `*Json` functions (alertJson, apiKeyJson, routeJson, templateJson, channelJson, …) field for field. The
// handlers don't parse their answers with them; openapi-document.test.ts keeps them honest against samples.
import { z } from 'zod';
import { ALERT_STATUSES, severitySchema } from '@/lib/schemas/primitives';
import { API_KEY_SCOPES } from '@/lib/schemas/api-key';
import { INTEGRATION_KINDS } from '@/lib/schemas/integration';
import type { ErrorCode } from '@/lib/errors';

const dateTime = z.iso.datetime();
const nullableDateTime = dateTime.nullable();

// The request's severity schema, so that the document shows one Severity component for both directions.
const severityOut = severitySchema;

/** alertStatusOut is an alert's status. */
export const alertStatusOut = z.enum(ALERT_STATUSES);

/** blockSchema is one Block Kit block, loosely: the exact rules are those of lib/blocks/validate-template. */
export const blockSchema = z.looseObject({
  type: z.enum(['header', 'section', 'divider', 'context', 'actions', 'image']),
  block_id: z.string().max(255).optional(),
});

/** alertLinkOut is a link of an alert. */
export const alertLinkOut = z.object({ text: z.string(), url: z.string() });

/** alertOut mirrors alertJson (lib/alerts/alert-views.ts). */
export const alertOut = z.object({
  id: z.string(),
  status: alertStatusOut,
  event_type: z.string(),
  severity: severityOut,
  title: z.string(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  dedup_key: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  links: z.array(alertLinkOut),
  occurrences: z.int().min(1),
  routed: z.boolean(),
  occurred_at: dateTime,
  last_seen_at: dateTime,
  acknowledged_at: nullableDateTime,
  resolved_at: nullableDateTime,
  snoozed_until: nullableDateTime,
  silenced: z.boolean(),
  silence_id: z.string().nullable(),
  created_at: dateTime,
});

/** deliveryOut mirrors deliveryJson: one channel's copy of an alert. */
export const deliveryOut = z.object({
  id: z.string(),
  channel: z.string(),
  state: z.enum(['pending', 'sent', 'failed', 'dead', 'folded', 'grouped']),
  ts: z.string().nullable(),
  attempts: z.int().min(0),
  last_error: z.string().nullable(),
  sent_at: nullableDateTime,
  next_attempt_at: nullableDateTime,
  digest_id: z.string().nullable(),
  group_id: z.string().nullable().describe('The alert group whose one message shows this alert here (state grouped)'),
});

/** activityOut mirrors activityJson: one entry of an alert's timeline. */
export const activityOut = z.object({
  kind: z.enum(['triggered', 'occurred', 'acknowledged', 'resolved', 'reopened', 'snoozed', 'snooze_ended', 'escalated', 'comment']),
  actor: z.string().nullable(),
  actor_type: z.enum(['slack_user', 'api_key', 'dashboard_user', 'system']),
  actor_name: z.string().nullable(),
  via: z.enum(['slack', 'api', 'dashboard', 'system']),
  note: z.string().nullable(),
  at: dateTime,
});

/** jobOut mirrors jobJson: a timed job that concerns the alert (e.g. the end of its snooze). */
export const jobOut = z.object({
  kind: z.string(),
  run_at: dateTime,
  state: z.enum(['pending', 'done', 'dead', 'cancelled']),
  attempts: z.int().min(0),
  last_error: z.string().nullable(),
  finished_at: nullableDateTime,
});

/** alertDetailOut mirrors getAlertDetail. */
export const alertDetailOut = alertOut.extend({ deliveries: z.array(deliveryOut), activity: z.array(activityOut), jobs: z.array(jobOut) });

/** alertListOut mirrors listAlerts. */
export const alertListOut = z.object({ alerts: z.array(alertOut), next_cursor: z.string().nullable() });

/** alertAcceptedOut is the 202 of `POST /api/v1/alerts`. */
export const alertAcceptedOut = z.object({
  id: z.string(),
  status: alertStatusOut,
  dedup_key: z.string(),
  deduplicated: z.boolean().describe('true when a trigger matched an open alert with this dedup_key: counted on it, not posted again'),
  occurrences: z.number().int().describe('how many triggers the alert has had'),
});

/** apiKeyOut mirrors apiKeyJson (never the secret). */
export const apiKeyOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  created_at: dateTime,
  last_used_at: nullableDateTime,
  revoked_at: nullableDateTime,
});

/** apiKeyCreatedOut is the 201 of `POST /api/v1/api-keys`: the summary and, this once, the key itself. */
export const apiKeyCreatedOut = apiKeyOut.extend({ key: z.string().startsWith('klx_live_') });

/** apiKeyListOut is `GET /api/v1/api-keys`. */
export const apiKeyListOut = z.object({ api_keys: z.array(apiKeyOut) });

/** silenceOut mirrors silenceJson (lib/silences/silences.ts). */
export const silenceOut = z.object({
  id: z.string(),
  state: z.enum(['pending', 'active', 'expired']),
  event_type: z.string().nullable(),
  severities: z.array(severityOut),
  source: z.string().nullable(),
  fields: z.array(z.object({ name: z.string(), op: z.enum(['=', '!=', '=~']), value: z.string() })),
  starts_at: dateTime,
  ends_at: dateTime,
  comment: z.string(),
  window_id: z.string().nullable(),
  created_by: z.object({ type: z.enum(['slack_user', 'api_key', 'dashboard_user', 'system']), id: z.string().nullable(), name: z.string() }),
  held_alerts: z.int().min(0).optional(),
  created_at: dateTime,
  updated_at: dateTime,
});

/** silenceListOut is `GET /api/v1/silences`. */
export const silenceListOut = z.object({ silences: z.array(silenceOut) });

/** maintenanceWindowOut mirrors windowJson (lib/silences/maintenance-windows.ts). */
export const maintenanceWindowOut = z.object({
  id: z.string(),
  name: z.string(),
  event_type: z.string().nullable(),
  severities: z.array(severityOut),
  source: z.string().nullable(),
  fields: z.array(z.object({ name: z.string(), op: z.enum(['=', '!=', '=~']), value: z.string() })),
  time_zone: z.string(),
  days: z.array(z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])),
  start: z.string(),
  end: z.string(),
  next: z.object({ starts_at: dateTime, ends_at: dateTime }).nullable(),
  created_by: z.object({ type: z.enum(['slack_user', 'api_key', 'dashboard_user', 'system']), id: z.string().nullable(), name: z.string() }),
  created_at: dateTime,
  updated_at: dateTime,
});

/** maintenanceWindowListOut is `GET /api/v1/maintenance-windows`. */
export const maintenanceWindowListOut = z.object({ maintenance_windows: z.array(maintenanceWindowOut) });

/** reportOut mirrors reportJson (lib/reports/reports.ts). */
export const reportOut = z.object({
  id: z.string(),
  channel: z.string(),
  days: z.array(z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])),
  time: z.string(),
  time_zone: z.string(),
  next_at: nullableDateTime,
  last_sent_at: nullableDateTime,
  created_at: dateTime,
});

/** reportListOut is `GET /api/v1/reports`. */
export const reportListOut = z.object({ reports: z.array(reportOut) });

/** routeOut mirrors routeJson (lib/routes/routes.ts). */
export const routeOut = z.object({
  id: z.string(),
  name: z.string(),
  event_types: z.array(z.string()),
  severities: z.array(severityOut),
  channels: z.array(z.string()),
  template_id: z.string().nullable(),
  enabled: z.boolean(),
  escalation_policy_id: z.string().nullable(),
  auto_resolve_minutes: z.int().nullable(),
  reminder_minutes: z.int().nullable(),
  reminder_retrigger: z.boolean(),
  storm_limit: z.int().min(0),
  thread_replies: z.enum(['all', 'status', 'none']),
  group_by: z.string().nullable(),
  position: z.int(),
  created_at: dateTime,
  updated_at: dateTime,
});

/** routeListOut is `GET /api/v1/routes`, in evaluation order. */
export const routeListOut = z.object({ routes: z.array(routeOut) });

/** templateOut mirrors templateJson (lib/templates/templates.ts). */
export const templateOut = z.object({
  id: z.string(),
  name: z.string(),
  blocks: z.array(blockSchema),
  created_at: dateTime,
  updated_at: dateTime,
});

/** templateListOut is `GET /api/v1/templates`, by name. */
export const templateListOut = z.object({ templates: z.array(templateOut) });

/** renderedMessageOut is previewTemplate's answer: the message as chat.postMessage would receive it. */
/** deliveriesRetriedOut mirrors lib/alerts/retry-deliveries.ts's answer. */
export const deliveriesRetriedOut = z.object({ retried: z.number().int() });

export const renderedMessageOut = z.object({ text: z.string(), blocks: z.array(blockSchema) });

/** channelOut mirrors channelJson (lib/channels/channel-cache.ts). */
export const channelOut = z.object({
  id: z.string(),
  name: z.string(),
  is_private: z.boolean(),
  is_archived: z.boolean(),
  is_member: z.boolean(),
  deleted: z.boolean(),
  refreshed_at: dateTime,
});

/** channelListOut is `GET /api/v1/channels`, by name. */
export const channelListOut = z.object({ channels: z.array(channelOut) });

/** healthOut mirrors lib/health.ts's Health. */
export const healthOut = z.object({ status: z.enum(['ok', 'unavailable', 'stopping']), database: z.enum(['ok', 'unreachable']) });

/** ERROR_CODES are the `error.code` values: lib/errors.ts's ErrorCode and `internal` for a 500. */
export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const satisfies ReadonlyArray<ErrorCode | 'internal'>;

// Compile-time check that ERROR_CODES lists every ErrorCode.
const _everyErrorCode: [Exclude<ErrorCode, (typeof ERROR_CODES)[number]>] extends [never] ? true : false = true;

/** errorOut is every error answer (lib/http/to-response.ts). */
export const errorOut = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

const severityMapOut = z.record(z.string(), severityOut);

/** integrationOut mirrors integrationJson (lib/integrations/integrations.ts): settings by kind, never a secret again. */
export const integrationOut = z.object({
  id: z.string(),
  kind: z.enum(INTEGRATION_KINDS),
  name: z.string(),
  url: z.string().describe("where the sender posts; a webhook's URL shows only its token's prefix after creation"),
  key_prefix: z.string().optional().describe("the prefix of the integration's API key (not for webhooks)"),
  token_prefix: z.string().optional().describe("the prefix of a webhook's URL token"),
  event_type_label: z.string().optional(),
  severity_map: severityMapOut.optional(),
  preset: z.string().optional(),
  mapping: z.record(z.string(), z.unknown()).optional(),
  sample: z.unknown().optional(),
  hmac: z
    .object({ header: z.string().optional(), timestamp_header: z.string().optional(), algorithm: z.string(), encoding: z.string(), prefix: z.string().optional(), has_secret: z.boolean() })
    .optional(),
  last_event: z.object({ at: dateTime, status: z.int().nullable(), result: z.string().nullable() }).nullable(),
  created_at: dateTime,
  updated_at: dateTime,
});

/** integrationCreatedOut is a creation or rotation: `key` (or a webhook's `token`) is in this answer only. */
export const integrationCreatedOut = integrationOut.extend({ key: z.string().startsWith('klx_live_').optional(), token: z.string().startsWith('klx_hook_').optional() });

/** integrationListOut is `GET /api/v1/integrations`, newest first. */
export const integrationListOut = z.object({ integrations: z.array(integrationOut) });

/** mappingPreviewOut is what a pasted body maps to, in the alerts API's names. */
export const mappingPreviewOut = z.object({ alert: z.record(z.string(), z.unknown()) });

/** testEventOut is what a test event stored. */
export const testEventOut = z.object({ alerts: z.array(z.object({ id: z.string(), status: alertStatusOut, dedup_key: z.string() })), result: z.string() });

const webhookAlertOut = z.object({ id: z.string().optional(), status: z.string(), dedup_key: z.string().optional(), reason: z.string().optional() });

/** webhookAcceptedOut is the 202 of a webhook integration (or `ignored` for a status change of no open alert); a JSON array body gets one per element under `alerts`. */
export const webhookAcceptedOut = z.union([webhookAlertOut, z.object({ alerts: z.array(webhookAlertOut) })]);
