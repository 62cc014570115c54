// The OpenAPI 3.1 document of the REST API (DESIGN.md §5), served at GET /api/v1/openapi.json. Request bodies
// and queries are generated from the zod schemas the handlers parse with (their input shapes); responses from
// the mirrors in response-schemas.ts. openapi-document.test.ts checks every route file has its operation.
import { z } from 'zod';
import packageJson from '@/package.json';
import { MAX_TEMPLATE_BLOCKS } from '@/lib/blocks/validate-template';
import { MAX_BODY_BYTES } from '@/lib/http/read-json';
import { alertFieldsSchema, alertInputSchema, alertLinkSchema, alertListQuerySchema } from '@/lib/schemas/alert';
import { apiKeyInputSchema, type ApiKeyScope } from '@/lib/schemas/api-key';
import { integrationInputSchema, integrationPatchSchema, mappingPreviewSchema } from '@/lib/schemas/integration';
import { deliveryRetrySchema } from '@/lib/schemas/delivery';
import { severitySchema } from '@/lib/schemas/primitives';
import { reportInputSchema } from '@/lib/schemas/report';
import { routeInputSchema, routeOrderSchema, routePatchSchema } from '@/lib/schemas/route';
import { maintenanceWindowInputSchema, SILENCE_STATES, silenceInputSchema, silencePatchSchema } from '@/lib/schemas/silence';
import { templateBlocksSchema, templateInputSchema, templatePreviewSchema } from '@/lib/schemas/template';
import * as examples from './examples';
import { ON_CALL_SCHEMAS, ON_CALL_TAGS, onCallPaths } from './on-call-paths';
import * as out from './response-schemas';

type Json = Record<string, unknown>;

/** OpenApiDocument is the parts of an OpenAPI 3.1 document this module builds. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, Json>;
    parameters: Record<string, Json>;
    responses: Record<string, Json>;
    headers: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
}

const ref = (kind: 'schemas' | 'parameters' | 'responses' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

// ---- schemas ---------------------------------------------------------------------------------------------

// Every named schema, request and response alike, in one registry: zod turns references between them into
// `$ref`s. Converted with io 'input', so request schemas show what a client may send (defaults optional) and
// response objects don't forbid fields added later.
const SCHEMAS: Record<string, { schema: z.ZodType; description: string }> = {
  AlertInput: {
    schema: alertInputSchema,
    description:
      'An alert. `trigger` (the default action) opens an alert, or bumps the open one with the same `dedup_key`; ' +
      '`acknowledge` / `resolve` change the open alert with `dedup_key`. Unknown fields are refused.',
  },
  AlertLink: { schema: alertLinkSchema, description: 'A link shown on the alert; http(s) only.' },
  AlertFields: { schema: alertFieldsSchema, description: 'Up to 50 custom fields: string, number or boolean values.' },
  Severity: { schema: severitySchema, description: 'How bad it is, most severe first.' },
  ApiKeyInput: { schema: apiKeyInputSchema, description: 'A new API key; `scopes` default to all three.' },
  RouteInput: {
    schema: routeInputSchema,
    description:
      'A routing rule: alerts whose event type matches one of `event_types` (exact, or with `*` wildcards) and whose ' +
      'severity is in `severities` go to `channels` (Slack channel ids of this workspace), rendered with `template_id` ' +
      '(null or absent: the default template). `group_by` (`event_type`, `group_key` — the alert\'s own, e.g. Alertmanager\'s ' +
      '`groupKey` — or `field:<name>`) makes alerts with the same key share one message per channel, with a count and ' +
      'the members, updated in place and resolved with its last member.',
  },
  RouteOrder: { schema: routeOrderSchema, description: 'Every route id of the workspace once, in the new evaluation order.' },
  RoutePatch: { schema: routePatchSchema, description: 'Any route fields, at least one; `template_id: null` clears the template.' },
  TemplateInput: { schema: templateInputSchema, description: 'A Block Kit template; strings may hold `{{placeholders}}`.' },
  TemplatePreviewRequest: {
    schema: templatePreviewSchema,
    description: 'Unsaved `blocks` or a saved `template_id` (neither: the default layout), rendered with a sample alert whose parts `alert` overrides.',
  },
  Block: {
    schema: out.blockSchema,
    description:
      'A Block Kit block (https://docs.slack.dev/reference/block-kit/blocks): header, section, divider, context, actions ' +
      'or image. Placeholders: {{title}}, {{description}}, {{severity}}, {{event_type}}, {{source}}, {{fields.<name>}}, ' +
      '{{links}}, {{occurrences}}, {{status}}, {{dashboard_url}}. Block ids starting with `klaxon_` are reserved.',
  },
  DeliveryRetryRequest: {
    schema: deliveryRetrySchema,
    description: 'Which dead deliveries to retry: `{}` every one of the workspace, `alert_id` those of an alert, `alert_id` and `channel` one.',
  },
  DeliveriesRetried: { schema: out.deliveriesRetriedOut, description: 'How many dead deliveries were queued again.' },
  Alert: { schema: out.alertOut, description: 'An alert.' },
  Delivery: { schema: out.deliveryOut, description: "One channel's copy of an alert; `ts` is the Slack message's timestamp once posted." },
  Activity: {
    schema: out.activityOut,
    description: 'An entry of the timeline. `actor` is the Slack user id when the action came from Slack, else the key or user id.',
  },
  AlertDetail: { schema: out.alertDetailOut, description: 'An alert with its deliveries and activity timeline.' },
  AlertList: { schema: out.alertListOut, description: 'A page of alerts, newest first; pass `next_cursor` as `cursor` for the next (null: last page).' },
  AlertAccepted: { schema: out.alertAcceptedOut, description: 'The alert the request created or changed.' },
  ApiKey: { schema: out.apiKeyOut, description: 'An API key; only its prefix is ever shown again.' },
  ApiKeyCreated: { schema: out.apiKeyCreatedOut, description: 'A new API key: `key` is in this answer only.' },
  ApiKeyList: { schema: out.apiKeyListOut, description: "The workspace's API keys." },
  SilenceInput: {
    schema: silenceInputSchema,
    description:
      'A silence: new alerts matching every given matcher — `event_type` (a pattern with `*` wildcards), `severities` (any of), ' +
      '`source` (exact) and `fields` (`=`, `!=`, `=~` an anchored regular expression; a missing field is the empty string) — ' +
      'between `starts_at` (default now) and `ends_at` are stored and shown as silenced but not posted. When it ends, those still ' +
      'open are posted. At least one matcher; at most 90 days.',
  },
  SilencePatch: { schema: silencePatchSchema, description: 'Any silence fields, at least one; a new `ends_at` moves the release.' },
  Silence: { schema: out.silenceOut, description: 'A silence; `state` is `pending` before `starts_at`, `active`, or `expired` from `ends_at`.' },
  SilenceList: { schema: out.silenceListOut, description: 'Silences not over yet (ending soonest first), then the latest 100 expired.' },
  MaintenanceWindowInput: {
    schema: maintenanceWindowInputSchema,
    description:
      'A silence on a weekly schedule: the matchers of a silence, and `days` between local `start` and `end` (HH:MM; an end at or ' +
      'before the start is the next day) in the IANA `time_zone`, DST-correct. Each occurrence is a silence with this `window_id`.',
  },
  MaintenanceWindow: { schema: out.maintenanceWindowOut, description: 'A maintenance window; `next` is the occurrence open now or the next one.' },
  MaintenanceWindowList: { schema: out.maintenanceWindowListOut, description: 'Maintenance windows by name.' },
  ReportInput: {
    schema: reportInputSchema,
    description: 'A scheduled report: `channel` gets a summary of the alerts since the last one on `days` (all seven: daily) at the local `time` in `time_zone`.',
  },
  Report: { schema: out.reportOut, description: 'A scheduled report; `next_at` is its next send time.' },
  ReportList: { schema: out.reportListOut, description: 'Scheduled reports.' },
  Route: { schema: out.routeOut, description: 'A routing rule.' },
  RouteList: { schema: out.routeListOut, description: 'Routes in evaluation order.' },
  Template: { schema: out.templateOut, description: 'A saved template.' },
  TemplateList: { schema: out.templateListOut, description: 'Templates by name.' },
  RenderedMessage: {
    schema: out.renderedMessageOut,
    description: 'The message as chat.postMessage receives it: notification `text` and `blocks`, Acknowledge/Resolve buttons included.',
  },
  Channel: { schema: out.channelOut, description: 'A Slack channel from the cache of conversations.list.' },
  ChannelList: { schema: out.channelListOut, description: "The workspace's channels by name." },
  Health: { schema: out.healthOut, description: 'Whether the app and its database answer.' },
  IntegrationInput: {
    schema: integrationInputSchema,
    description:
      'A new integration of one `kind`. Alertmanager and Grafana: `event_type_label` (default `alertname`) and `severity_map`; ' +
      'Grafana and webhooks: `hmac` (a secret, the header, `timestamp_header` for `<timestamp>:<body>` signing, algorithm, encoding, prefix); ' +
      'Opsgenie: `severity_map` over P1–P5; webhooks: `mapping` (or a `preset`) and a `sample` body for test events.',
  },
  IntegrationPatch: { schema: integrationPatchSchema, description: "Some settings of the integration's kind; `null` removes one." },
  MappingPreviewRequest: { schema: mappingPreviewSchema, description: 'A pasted body and an unsaved mapping (or preset) to try on it.' },
  Integration: { schema: out.integrationOut, description: 'An integration; its key or token is never shown again.' },
  IntegrationCreated: { schema: out.integrationCreatedOut, description: 'An integration with its new `key` (or webhook `token`, also in `url`), in this answer only.' },
  IntegrationList: { schema: out.integrationListOut, description: "The workspace's integrations, newest first." },
  MappingPreview: { schema: out.mappingPreviewOut, description: 'The alert the body maps to, as `POST /api/v1/alerts` would take it.' },
  TestEvent: { schema: out.testEventOut, description: 'The alerts a test event stored.' },
  WebhookAccepted: { schema: out.webhookAcceptedOut, description: 'The alert the body made or changed.' },
  ...ON_CALL_SCHEMAS,
  Error: {
    schema: out.errorOut,
    description: 'Every error. `details` lists each invalid field (dotted path) when the request was invalid.',
  },
};

// Hooks into zod's conversion: the Block Kit JSON of templates (a z.unknown() checked by validateTemplate) is
// shown as an array of Blocks, link URLs get `format: uri` (the http(s) check is a pipe, absent from the input
// side), date-times keep `format` without zod's page-long regex, and safe-integer bounds go.
function override(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  const schema = ctx.jsonSchema;
  if (ctx.zodSchema === templateBlocksSchema) {
    Object.assign(schema, { type: 'array', minItems: 1, maxItems: MAX_TEMPLATE_BLOCKS, items: ref('schemas', 'Block') });
  }
  if (ctx.zodSchema === alertLinkSchema.shape.url) schema.format = 'uri';
  if (schema.format === 'date-time') delete schema.pattern;
  // z.int() bounds itself to safe integers; that goes without saying.
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
}

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string; description: string }>();
  for (const [id, { schema, description }] of Object.entries(SCHEMAS)) registry.add(schema, { id, description });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    metadata: registry,
    uri: (id) => `#/components/schemas/${id}`,
    override,
  }) as { schemas: Record<string, Json> };
  // `$schema` is implied by OpenAPI 3.1 and a fragment-only `$id` is not a valid one: drop both.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

// The alert list query, one parameter per property; lists may be repeated or comma-separated.
function alertListParameters(): Json[] {
  const query = z.toJSONSchema(alertListQuerySchema, { io: 'input', override }) as { properties: Record<string, Json>; required?: string[] };
  const descriptions: Record<string, string> = {
    status: 'Only alerts in these states (repeat the parameter or separate with commas).',
    severity: 'Only alerts of these severities (repeat the parameter or separate with commas).',
    event_type: 'Only alerts of these exact event types (repeat the parameter or separate with commas).',
    since: 'Only alerts created at or after this time (ISO 8601 with a time zone).',
    until: 'Only alerts created at or before this time.',
    limit: 'Page size.',
    cursor: '`next_cursor` of the previous page.',
    q: 'Text to find in titles, or an exact dedup key.',
    silenced: '`true`: only alerts a silence holds back now; `false`: only the others.',
    digest: 'Only the alerts folded into this storm digest (the link of a digest message).',
    group: 'Only the members of this alert group (the link of a group message).',
  };
  return Object.entries(query.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    description: descriptions[name],
    schema,
    ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

// ---- operations ------------------------------------------------------------------------------------------

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ErrorStatus = 400 | 404 | 409 | 413 | 429;

/** Operation is one operation of the document, before it becomes an OpenAPI operation object. */
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The API key scope the endpoint needs (null: public). Sessions need admin rights unless it is alerts:read. */
  permission: ApiKeyScope | null;
  parameters?: Json[];
  body?: { schema: string; examples: Record<string, { summary: string; value: unknown }> };
  /** The success answer; `schema` names a component schema, or is an inline one. */
  ok: { status: number; description: string; schema?: string | Json };
  /** Other answers by status (for a drop-in format, its own error answers). */
  more?: Record<number, { description: string; schema: string | Json }>;
  errors?: ErrorStatus[];
  /** A drop-in format that carries its key its own way: its security requirements, said instead of the scope note. */
  key?: { security: Array<Record<string, string[]>>; note: string };
}

const ERROR_RESPONSES: Record<ErrorStatus | 401 | 403, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  429: 'RateLimited',
};

const ALERTS = 'Alerts';
const API_KEYS = 'API keys';
const ROUTES = 'Routes';
const SILENCES = 'Silences';
const TEMPLATES = 'Templates';
const CHANNELS = 'Channels';
const SYSTEM = 'System';
const DROP_IN = 'Drop-in intake';
const INTEGRATIONS = 'Integrations';

const example = (summary: string, value: unknown) => ({ summary, value });

/** PathSpec is one path of the document: its parameters and operations. */
export type PathSpec = { parameters?: Json[]; operations: Partial<Record<Method, Operation>> };

// PUT and PATCH of a template do the same (both need the whole template): one description, two names.
const replaceTemplate: Omit<Operation, 'operationId' | 'summary'> = {
  tag: TEMPLATES,
  permission: 'config:write',
  body: { schema: 'TemplateInput', examples: { deploys: example('A header and a section with placeholders', examples.DEPLOY_TEMPLATE) } },
  ok: { status: 200, description: 'The saved template.', schema: 'Template' },
  errors: [400, 404, 409, 413],
};

const paths = (): Record<string, PathSpec> => ({
  '/api/v1/alerts': {
    operations: {
      post: {
        operationId: 'createAlert',
        summary: 'Send an alert',
        description:
          'Accepts one alert. It is stored with its delivery jobs before the answer; messages are posted to the ' +
          "matching routes' channels in the background. A trigger whose `dedup_key` matches an open alert bumps its " +
          'occurrence count instead of posting again; after `resolve`, the same key opens a new alert. ' +
          'Rate limited per API key (`API_KEY_RATE_LIMIT` requests per second).',
        tag: ALERTS,
        permission: 'alerts:write',
        body: {
          schema: 'AlertInput',
          examples: {
            trigger: example('A failed deploy', examples.DEPLOY_FAILED),
            acknowledge: example('Acknowledge by dedup key', examples.ACKNOWLEDGE),
            resolve: example('Resolve by dedup key', examples.RESOLVE),
          },
        },
        ok: { status: 202, description: 'Accepted: the alert is stored and its deliveries queued.', schema: 'AlertAccepted' },
        errors: [400, 404, 413, 429],
      },
      get: {
        operationId: 'listAlerts',
        summary: 'List alerts',
        description: "The workspace's alerts, newest first, filtered, with cursor pagination.",
        tag: ALERTS,
        permission: 'alerts:read',
        parameters: alertListParameters(),
        ok: { status: 200, description: 'A page of alerts.', schema: 'AlertList' },
        errors: [400],
      },
    },
  },
  '/api/v1/alerts/{id}': {
    parameters: [ref('parameters', 'AlertId')],
    operations: {
      get: {
        operationId: 'getAlert',
        summary: 'Get an alert',
        description: 'One alert with its deliveries (one per channel) and its activity timeline.',
        tag: ALERTS,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The alert.', schema: 'AlertDetail' },
        errors: [404],
      },
    },
  },
  '/api/v1/api-keys': {
    operations: {
      post: {
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description: 'Creates a key (workspace admins). The key itself is in this answer only: store it now.',
        tag: API_KEYS,
        permission: 'config:write',
        body: { schema: 'ApiKeyInput', examples: { ci: example('A key for CI that sends and reads alerts', examples.NEW_API_KEY) } },
        ok: { status: 201, description: 'The new key, shown once.', schema: 'ApiKeyCreated' },
        errors: [400, 413],
      },
      get: {
        operationId: 'listApiKeys',
        summary: 'List API keys',
        description: "The workspace's keys, revoked ones included; prefixes only.",
        tag: API_KEYS,
        permission: 'config:write',
        ok: { status: 200, description: 'The keys.', schema: 'ApiKeyList' },
      },
    },
  },
  '/api/v1/api-keys/{id}': {
    parameters: [ref('parameters', 'ApiKeyId')],
    operations: {
      delete: {
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        description: 'Revokes the key at once; it is kept, with `revoked_at` set.',
        tag: API_KEYS,
        permission: 'config:write',
        ok: { status: 200, description: 'The revoked key.', schema: 'ApiKey' },
        errors: [404],
      },
    },
  },
  '/api/v1/routes': {
    operations: {
      get: {
        operationId: 'listRoutes',
        summary: 'List routes',
        tag: ROUTES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The routing rules in evaluation order.', schema: 'RouteList' },
      },
      post: {
        operationId: 'createRoute',
        summary: 'Create a route',
        description: 'Adds a routing rule. Channels must be channels of this workspace; `template_id` a template of it.',
        tag: ROUTES,
        permission: 'config:write',
        body: { schema: 'RouteInput', examples: { deploys: example('Deploy failures to one channel', examples.DEPLOY_ROUTE) } },
        ok: { status: 201, description: 'The new route.', schema: 'Route' },
        errors: [400, 413],
      },
    },
  },
  '/api/v1/routes/order': {
    operations: {
      put: {
        operationId: 'reorderRoutes',
        summary: 'Reorder routes',
        description:
          "Sets the evaluation order: `route_ids` lists every route of the workspace once, first first. A channel gets each alert once, with the template of the first route that claims it, so order decides the template.",
        tag: ROUTES,
        permission: 'config:write',
        body: { schema: 'RouteOrder', examples: { swap: example('Two routes, the second first', examples.ROUTE_ORDER) } },
        ok: { status: 200, description: 'The routes in their new order.', schema: 'RouteList' },
        errors: [400, 413],
      },
    },
  },
  '/api/v1/routes/{id}': {
    parameters: [ref('parameters', 'RouteId')],
    operations: {
      get: {
        operationId: 'getRoute',
        summary: 'Get a route',
        tag: ROUTES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The route.', schema: 'Route' },
        errors: [404],
      },
      patch: {
        operationId: 'updateRoute',
        summary: 'Change a route',
        description: 'Changes the given fields only.',
        tag: ROUTES,
        permission: 'config:write',
        body: { schema: 'RoutePatch', examples: { pause: example('Pause a route', examples.ROUTE_PATCH) } },
        ok: { status: 200, description: 'The changed route.', schema: 'Route' },
        errors: [400, 404, 413],
      },
      delete: {
        operationId: 'deleteRoute',
        summary: 'Delete a route',
        tag: ROUTES,
        permission: 'config:write',
        ok: { status: 204, description: 'Deleted.' },
        errors: [404],
      },
    },
  },
  '/api/v1/silences': {
    operations: {
      get: {
        operationId: 'listSilences',
        summary: 'List silences',
        tag: SILENCES,
        permission: 'alerts:read',
        parameters: [
          {
            name: 'state',
            in: 'query',
            required: false,
            description: 'Only silences in these states (repeat the parameter or separate with commas).',
            schema: { type: 'array', items: { type: 'string', enum: [...SILENCE_STATES] } },
            style: 'form',
            explode: true,
          },
        ],
        ok: { status: 200, description: 'The silences.', schema: 'SilenceList' },
        errors: [400],
      },
      post: {
        operationId: 'createSilence',
        summary: 'Create a silence',
        description: 'Holds back the posts of matching new alerts until `ends_at`; alerts already posted stay as they are.',
        tag: SILENCES,
        permission: 'config:write',
        body: { schema: 'SilenceInput', examples: { freeze: example('Silence deploy alerts from CI for an hour', examples.DEPLOY_SILENCE) } },
        ok: { status: 201, description: 'The new silence.', schema: 'Silence' },
        errors: [400, 413],
      },
    },
  },
  '/api/v1/silences/{id}': {
    parameters: [ref('parameters', 'SilenceId')],
    operations: {
      get: {
        operationId: 'getSilence',
        summary: 'Get a silence',
        description: '`held_alerts` counts the open alerts it holds back now.',
        tag: SILENCES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The silence.', schema: 'Silence' },
        errors: [404],
      },
      patch: {
        operationId: 'updateSilence',
        summary: 'Change a silence',
        description: 'Changes the given fields only; alerts it already holds stay held until it ends.',
        tag: SILENCES,
        permission: 'config:write',
        body: { schema: 'SilencePatch', examples: { extend: example('Make it last longer', examples.SILENCE_PATCH) } },
        ok: { status: 200, description: 'The changed silence.', schema: 'Silence' },
        errors: [400, 404, 413],
      },
      delete: {
        operationId: 'expireSilence',
        summary: 'Expire a silence',
        description: 'Ends the silence now; it stays listed as expired, and the open alerts it held are posted.',
        tag: SILENCES,
        permission: 'config:write',
        ok: { status: 200, description: 'The expired silence.', schema: 'Silence' },
        errors: [404],
      },
    },
  },
  '/api/v1/maintenance-windows': {
    operations: {
      get: {
        operationId: 'listMaintenanceWindows',
        summary: 'List maintenance windows',
        tag: SILENCES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The windows.', schema: 'MaintenanceWindowList' },
      },
      post: {
        operationId: 'createMaintenanceWindow',
        summary: 'Create a maintenance window',
        description: 'Silences matching new alerts on a weekly schedule in a time zone; the occurrence open now (if any) starts at once.',
        tag: SILENCES,
        permission: 'config:write',
        body: { schema: 'MaintenanceWindowInput', examples: { sundays: example('Sundays 02:00–04:00 in Berlin', examples.SUNDAY_WINDOW) } },
        ok: { status: 201, description: 'The new window.', schema: 'MaintenanceWindow' },
        errors: [400, 413],
      },
    },
  },
  '/api/v1/maintenance-windows/{id}': {
    parameters: [ref('parameters', 'MaintenanceWindowId')],
    operations: {
      get: {
        operationId: 'getMaintenanceWindow',
        summary: 'Get a maintenance window',
        tag: SILENCES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The window.', schema: 'MaintenanceWindow' },
        errors: [404],
      },
      delete: {
        operationId: 'deleteMaintenanceWindow',
        summary: 'Delete a maintenance window',
        description: 'No more occurrences; one under way ends now and the open alerts it held are posted.',
        tag: SILENCES,
        permission: 'config:write',
        ok: { status: 204, description: 'Deleted.' },
        errors: [404],
      },
    },
  },
  '/api/v1/reports': {
    operations: {
      get: {
        operationId: 'listReports',
        summary: 'List scheduled reports',
        tag: SILENCES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The reports.', schema: 'ReportList' },
      },
      post: {
        operationId: 'createReport',
        summary: 'Create a scheduled report',
        description: 'Alerts by severity, mean time to acknowledge and to resolve, the noisiest event types and what is still open.',
        tag: SILENCES,
        permission: 'config:write',
        body: { schema: 'ReportInput', examples: { weekly: example('Mondays 09:00 in Berlin', examples.WEEKLY_REPORT) } },
        ok: { status: 201, description: 'The new report.', schema: 'Report' },
        errors: [400, 413],
      },
    },
  },
  '/api/v1/reports/{id}': {
    parameters: [ref('parameters', 'ReportId')],
    operations: {
      get: { operationId: 'getReport', summary: 'Get a scheduled report', tag: SILENCES, permission: 'alerts:read', ok: { status: 200, description: 'The report.', schema: 'Report' }, errors: [404] },
      delete: { operationId: 'deleteReport', summary: 'Delete a scheduled report', tag: SILENCES, permission: 'config:write', ok: { status: 204, description: 'Deleted.' }, errors: [404] },
    },
  },
  '/api/v1/reports/{id}/preview': {
    parameters: [ref('parameters', 'ReportId')],
    operations: {
      get: {
        operationId: 'previewReport',
        summary: 'Preview a scheduled report',
        description: 'The message the report would post now.',
        tag: SILENCES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The message.', schema: 'RenderedMessage' },
        errors: [404],
      },
    },
  },
  '/api/v1/templates': {
    operations: {
      get: {
        operationId: 'listTemplates',
        summary: 'List templates',
        tag: TEMPLATES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The templates by name.', schema: 'TemplateList' },
      },
      post: {
        operationId: 'createTemplate',
        summary: 'Create a template',
        description: 'Saves a Block Kit template after checking its shape, placeholders and Slack limits; errors point at the block.',
        tag: TEMPLATES,
        permission: 'config:write',
        body: { schema: 'TemplateInput', examples: { deploys: example('A header and a section with placeholders', examples.DEPLOY_TEMPLATE) } },
        ok: { status: 201, description: 'The new template.', schema: 'Template' },
        errors: [400, 409, 413],
      },
    },
  },
  '/api/v1/templates/{id}': {
    parameters: [ref('parameters', 'TemplateId')],
    operations: {
      get: {
        operationId: 'getTemplate',
        summary: 'Get a template',
        tag: TEMPLATES,
        permission: 'alerts:read',
        ok: { status: 200, description: 'The template.', schema: 'Template' },
        errors: [404],
      },
      put: { ...replaceTemplate, operationId: 'replaceTemplate', summary: 'Replace a template', description: 'Replaces the name and blocks.' },
      patch: { ...replaceTemplate, operationId: 'updateTemplate', summary: 'Replace a template (PATCH)', description: 'Same as PUT: name and blocks are both required.' },
      delete: {
        operationId: 'deleteTemplate',
        summary: 'Delete a template',
        description: 'Refused with 409 while a route uses the template.',
        tag: TEMPLATES,
        permission: 'config:write',
        ok: { status: 204, description: 'Deleted.' },
        errors: [404, 409],
      },
    },
  },
  '/api/v1/templates/preview': {
    operations: {
      post: {
        operationId: 'previewTemplate',
        summary: 'Preview a template',
        description: 'Renders a sample alert as Slack will receive it, with unsaved blocks, a saved template or the default layout.',
        tag: TEMPLATES,
        permission: 'alerts:read',
        body: { schema: 'TemplatePreviewRequest', examples: { unsaved: example('Unsaved blocks with a custom sample', examples.TEMPLATE_PREVIEW) } },
        ok: { status: 200, description: 'The rendered message.', schema: 'RenderedMessage' },
        errors: [400, 404, 413],
      },
    },
  },
  '/api/v1/deliveries/retry': {
    operations: {
      post: {
        operationId: 'retryDeliveries',
        summary: 'Retry dead deliveries',
        description:
          'Queues dead deliveries again with fresh attempts (after a reinstall, an unarchived channel, an outage): never-posted ones are ' +
          'posted at their channel\'s pace, posted ones whose update failed are updated. Deliveries in any other state are left alone.',
        tag: ALERTS,
        permission: 'alerts:write',
        body: { schema: 'DeliveryRetryRequest', examples: { alert: example("An alert's dead deliveries", { alert_id: 'cm0alert0000000000000001' }) } },
        ok: { status: 200, description: 'How many were queued.', schema: 'DeliveriesRetried' },
        errors: [400, 404, 413],
      },
    },
  },
  '/api/v1/channels': {
    operations: {
      get: {
        operationId: 'listChannels',
        summary: 'List channels',
        description: "The workspace's public channels and the private ones the bot is in, from the cache of conversations.list.",
        tag: CHANNELS,
        permission: 'alerts:read',
        parameters: [
          {
            name: 'refresh',
            in: 'query',
            required: false,
            description: '`true` re-reads every page of conversations.list from Slack first.',
            schema: { type: 'string', enum: ['true', 'false'], default: 'false' },
          },
        ],
        ok: { status: 200, description: 'The channels by name.', schema: 'ChannelList' },
      },
    },
  },
  ...dropInPaths(),
  ...integrationPaths(),
  ...onCallPaths(),
  '/api/v1/openapi.json': {
    operations: {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        tag: SYSTEM,
        permission: null,
        ok: { status: 200, description: 'The OpenAPI 3.1 document of the REST API.', schema: { type: 'object' } },
      },
    },
  },
  '/api/health': {
    operations: {
      get: {
        operationId: 'getHealth',
        summary: 'Health check',
        description: 'For load balancers: 200 when the app and its database answer, 503 otherwise.',
        tag: SYSTEM,
        permission: null,
        ok: { status: 200, description: 'Healthy.', schema: 'Health' },
        more: { 503: { description: 'The database does not answer (with `Retry-After`), or this instance is stopping (drain it).', schema: 'Health' } },
      },
    },
  },
});

// The drop-in endpoints (DESIGN.md §5a): bodies and answers are the source tools' own formats (see the README's
// "Drop-in intake" and fixtures/integrations); errors of PagerDuty and Opsgenie come in their shapes.
function dropInPaths(): Record<string, PathSpec> {
  const notification = (operationId: string, summary: string, format: string, schemes: Array<Record<string, string[]>>, keyNote: string): PathSpec => ({
    operations: {
      post: {
        operationId,
        summary,
        description: `${format} One Klaxon alert per entry of \`alerts[]\` (fingerprint = dedup key, \`status: resolved\` resolves), all stored in one statement before the answer.`,
        tag: DROP_IN,
        permission: 'alerts:write',
        key: { security: schemes, note: keyNote },
        ok: { status: 200, description: 'Every alert of the notification is stored.', schema: { type: 'object', properties: { alerts: { type: 'integer', description: 'Alerts opened, bumped or resolved.' } }, required: ['alerts'] } },
        more: { 401: { description: 'No or a wrong key.', schema: 'Error' }, 403: { description: 'The key lacks alerts:write.', schema: 'Error' } },
        errors: [400, 413, 429],
      },
    },
  });
  const pagerDutyError = (status: string) => ({ type: 'object', properties: { status: { const: status }, message: { type: 'string' }, errors: { type: 'array', items: { type: 'string' } } }, required: ['status', 'message', 'errors'] });
  const opsgenieAnswer = { type: 'object', properties: { result: { const: 'Request will be processed' }, took: { type: 'number' }, requestId: { type: 'string' } }, required: ['result', 'took', 'requestId'] };
  const opsgenieError = { type: 'object', properties: { message: { type: 'string' }, errors: { type: 'object', additionalProperties: { type: 'string' } }, took: { type: 'number' }, requestId: { type: 'string' } }, required: ['message', 'took', 'requestId'] };
  const opsgenieErrors = { 400: { description: 'Invalid request.', schema: opsgenieError }, 401: { description: 'No or a wrong key ("Could not authenticate").', schema: opsgenieError }, 403: { description: 'The key lacks alerts:write.', schema: opsgenieError }, 429: { description: 'Rate limited.', schema: opsgenieError } };
  const genieKey = { security: [{ genieKey: ['alerts:write'] }], note: 'Needs a Klaxon API key with `alerts:write` as `Authorization: GenieKey <key>`.' };
  const identifier = { name: 'id', in: 'path', required: true, description: "The alert's id, or its dedup key with `identifierType=alias`.", schema: { type: 'string', minLength: 1 } };
  const identifierType = { name: 'identifierType', in: 'query', required: false, description: '`id` (default) or `alias`.', schema: { type: 'string', enum: ['id', 'alias'], default: 'id' } };
  const opsgenieAction = (operationId: string, summary: string): PathSpec => ({
    parameters: [identifier],
    operations: {
      post: { operationId, summary, tag: DROP_IN, permission: 'alerts:write', key: genieKey, parameters: [identifierType], ok: { status: 202, description: 'Accepted (also for an alert that is not open).', schema: opsgenieAnswer }, more: opsgenieErrors },
    },
  });
  return {
    '/api/v1/integrations/alertmanager': notification('alertmanagerWebhook', 'Alertmanager webhook', 'Prometheus Alertmanager\'s webhook payload, `version: "4"`.', [{ apiKey: ['alerts:write'] }], 'Needs a Klaxon API key with `alerts:write` as `Authorization: Bearer <key>` (`http_config.authorization`).'),
    '/api/v1/integrations/grafana': notification('grafanaWebhook', 'Grafana webhook contact point', "Grafana Alerting's webhook payload, `version: \"1\"`; dashboard, panel and silence URLs become link buttons, `values` fields.", [{ apiKey: ['alerts:write'] }, { basicKey: ['alerts:write'] }], 'Needs a Klaxon API key with `alerts:write` as `Authorization: Bearer <key>`, or as the password of Basic authentication.'),
    '/api/v1/integrations/pagerduty/v2/enqueue': {
      operations: {
        post: {
          operationId: 'pagerDutyEnqueue',
          summary: 'PagerDuty Events API v2',
          description: 'An Events API v2 event: `event_action` trigger, acknowledge or resolve by `dedup_key`. Answers as PagerDuty does.',
          tag: DROP_IN,
          permission: 'alerts:write',
          key: { security: [{ routingKey: ['alerts:write'] }], note: 'Needs a Klaxon API key with `alerts:write` as the body\'s `routing_key`.' },
          ok: { status: 202, description: 'Event processed.', schema: { type: 'object', properties: { status: { const: 'success' }, message: { const: 'Event processed' }, dedup_key: { type: 'string' } }, required: ['status', 'message', 'dedup_key'] } },
          more: {
            400: { description: 'Invalid event.', schema: pagerDutyError('invalid event') },
            401: { description: 'No or a wrong routing_key.', schema: pagerDutyError('error') },
            403: { description: 'The key lacks alerts:write.', schema: pagerDutyError('error') },
            429: { description: 'Rate limited.', schema: pagerDutyError('throttle event') },
          },
        },
      },
    },
    '/api/v1/integrations/opsgenie/v2/alerts': {
      operations: {
        post: { operationId: 'opsgenieCreateAlert', summary: 'Opsgenie create alert', description: 'Opsgenie Alert API v2 create: `alias` is the dedup key, `priority` P1–P5 the severity.', tag: DROP_IN, permission: 'alerts:write', key: genieKey, ok: { status: 202, description: 'Accepted.', schema: opsgenieAnswer }, more: opsgenieErrors },
      },
    },
    '/api/v1/integrations/opsgenie/v2/alerts/{id}/acknowledge': opsgenieAction('opsgenieAcknowledgeAlert', 'Opsgenie acknowledge alert'),
    '/api/v1/integrations/opsgenie/v2/alerts/{id}/close': opsgenieAction('opsgenieCloseAlert', 'Opsgenie close alert (resolve)'),
  };
}

// Managing integrations, and the generic webhook they give a URL to.
function integrationPaths(): Record<string, PathSpec> {
  const created = { status: 201, description: 'The new integration with its key or token, shown once.', schema: 'IntegrationCreated' };
  return {
    '/api/v1/integrations': {
      operations: {
        get: { operationId: 'listIntegrations', summary: 'List integrations', tag: INTEGRATIONS, permission: 'alerts:read', ok: { status: 200, description: 'The integrations.', schema: 'IntegrationList' } },
        post: {
          operationId: 'createIntegration',
          summary: 'Create an integration',
          description:
            'Adds a source of alerts with its own API key (`alerts:write`; the key its format carries). A webhook gets a URL ' +
            '`/api/v1/integrations/webhook/{token}` instead; key and token are in this answer only.',
          tag: INTEGRATIONS,
          permission: 'config:write',
          body: { schema: 'IntegrationInput', examples: { sentry: example('A Sentry webhook, signed', examples.NEW_WEBHOOK_INTEGRATION), alertmanager: example('An Alertmanager with its own labels', examples.NEW_ALERTMANAGER_INTEGRATION) } },
          ok: created,
          errors: [400, 409, 413],
        },
      },
    },
    '/api/v1/integrations/{id}': {
      parameters: [ref('parameters', 'IntegrationId')],
      operations: {
        get: { operationId: 'getIntegration', summary: 'Get an integration', description: 'With its last event received and how it was answered.', tag: INTEGRATIONS, permission: 'alerts:read', ok: { status: 200, description: 'The integration.', schema: 'Integration' }, errors: [404] },
        patch: {
          operationId: 'updateIntegration',
          summary: 'Change an integration',
          description: "Changes the given settings; a setting of another kind is refused.",
          tag: INTEGRATIONS,
          permission: 'config:write',
          body: { schema: 'IntegrationPatch', examples: { mapping: example('A new field mapping', examples.INTEGRATION_PATCH) } },
          ok: { status: 200, description: 'The changed integration.', schema: 'Integration' },
          errors: [400, 404, 409, 413],
        },
        delete: { operationId: 'deleteIntegration', summary: 'Delete an integration', description: 'Removes it and revokes its key at once.', tag: INTEGRATIONS, permission: 'config:write', ok: { status: 204, description: 'Deleted.' }, errors: [404] },
      },
    },
    '/api/v1/integrations/{id}/rotate': {
      parameters: [ref('parameters', 'IntegrationId')],
      operations: {
        post: { operationId: 'rotateIntegration', summary: "Rotate an integration's key or URL", description: 'A new key (a webhook: a new URL token), shown once; the old one stops at once.', tag: INTEGRATIONS, permission: 'config:write', ok: { status: 200, description: 'The integration with its new key or token.', schema: 'IntegrationCreated' }, errors: [404] },
      },
    },
    '/api/v1/integrations/{id}/test': {
      parameters: [ref('parameters', 'IntegrationId')],
      operations: {
        post: { operationId: 'testIntegration', summary: 'Send a test event', description: "The integration's sample body through its own settings, with a fresh dedup key: it posts like a real event.", tag: INTEGRATIONS, permission: 'alerts:write', ok: { status: 202, description: 'The test alerts are stored.', schema: 'TestEvent' }, errors: [400, 404] },
      },
    },
    '/api/v1/integrations/preview': {
      operations: {
        post: {
          operationId: 'previewMapping',
          summary: 'Preview a field mapping',
          description: 'Maps a pasted body with an unsaved mapping; nothing is stored.',
          tag: INTEGRATIONS,
          permission: 'alerts:read',
          body: { schema: 'MappingPreviewRequest', examples: { uptime: example('An uptime checker', examples.MAPPING_PREVIEW) } },
          ok: { status: 200, description: 'The alert the body maps to.', schema: 'MappingPreview' },
          errors: [400, 413],
        },
      },
    },
    '/api/v1/integrations/webhook/{token}': {
      parameters: [{ name: 'token', in: 'path', required: true, description: "The webhook integration's secret URL token (`klx_hook_…`).", schema: { type: 'string', minLength: 1 } }],
      operations: {
        post: {
          operationId: 'webhookIntake',
          summary: 'Any JSON webhook',
          description:
            "Any JSON body, mapped by the integration's field mapping to one alert; a JSON array is a batch of up to 1000, one alert " +
            'per element, stored together (answered as `{ "alerts": [...] }`). Amazon SNS: the message must carry a valid SNS signature ' +
            "(SignatureVersion 1 or 2, certificate from an https SNS URL), the subscription is confirmed, a notification's `Message` is mapped. " +
            'With an HMAC secret, the signature header must match the raw body.',
          tag: DROP_IN,
          permission: 'alerts:write',
          key: { security: [], note: "The URL's token authenticates: no header needed (many senders cannot set one)." },
          ok: { status: 202, description: 'The alert is stored (the alerts, for an array).', schema: 'WebhookAccepted' },
          more: { 200: { description: 'An Amazon SNS subscription confirmed (or unsubscribed).', schema: { type: 'object' } }, 401: { description: 'An unknown token, or a missing or wrong signature (HMAC, or Amazon SNS).', schema: 'Error' }, 503: { description: "Amazon SNS's signing certificate could not be fetched (SNS retries).", schema: 'Error' } },
          errors: [400, 413, 429],
        },
      },
    },
  };
}

function jsonContent(schema: Json, extra: Json = {}): Json {
  return { 'application/json': { schema, ...extra } };
}

function operationObject({ operationId, summary, description, tag, permission, parameters, body, ok, more = {}, errors = [], key }: Operation): Json {
  const schemaOf = (schema: string | Json) => (typeof schema === 'string' ? ref('schemas', schema) : schema);
  const responses: Record<string, Json> = {
    [ok.status]: { description: ok.description, ...(ok.schema ? { content: jsonContent(schemaOf(ok.schema)) } : {}) },
  };
  for (const [status, answer] of Object.entries(more)) responses[status] = { description: answer.description, content: jsonContent(schemaOf(answer.schema)) };
  const statuses = [...errors, ...(permission && !key ? ([401, 403] as const) : [])].sort((a, b) => a - b);
  for (const status of statuses) responses[status] = ref('responses', ERROR_RESPONSES[status]);

  const scopeNote = key
    ? key.note
    : permission
    ? `Needs an API key with the \`${permission}\` scope, or a dashboard session` +
      (permission === 'alerts:read' ? '.' : ' of a workspace admin.')
    : 'Public.';
  return {
    operationId,
    summary,
    description: [description, scopeNote].filter(Boolean).join('\n\n'),
    tags: [tag],
    security: key ? key.security : permission ? [{ apiKey: [permission] }, { session: [] }] : [],
    ...(permission || parameters ? { parameters: [...(parameters ?? []), ...(permission && !key ? [ref('parameters', 'TeamId')] : [])] } : {}),
    ...(body ? { requestBody: { required: true, content: jsonContent(ref('schemas', body.schema), { examples: body.examples }) } } : {}),
    responses,
  };
}

function errorResponse(description: string, code: (typeof out.ERROR_CODES)[number], message: string, extra: Json = {}): Json {
  return { description, ...extra, content: jsonContent(ref('schemas', 'Error'), { example: { error: { code, message } } }) };
}

function build(): OpenApiDocument {
  const idParameter = (what: string): Json => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id.`, schema: { type: 'string', minLength: 1 } });
  return {
    openapi: '3.1.1',
    info: {
      title: 'Klaxon',
      version: packageJson.version,
      description:
        'Routes operational alerts into Slack, per workspace, by event type and severity.\n\n' +
        'Authenticate with an API key (`Authorization: Bearer klx_live_…`, created in the dashboard or with ' +
        '`POST /api/v1/api-keys`); its scopes decide what it may call. The dashboard session cookie works too. ' +
        `JSON bodies are limited to ${MAX_BODY_BYTES / 1024} KB. Every error is \`{ "error": { "code", "message", "details"? } }\`.`,
    },
    servers: [{ url: '/' }],
    tags: [
      { name: ALERTS, description: 'Send alerts, change their status, read them back.' },
      { name: API_KEYS, description: 'Keys for services calling this API.' },
      { name: ROUTES, description: 'Which event types and severities go to which channels.' },
      { name: SILENCES, description: 'Less noise: silences, maintenance windows and scheduled reports.' },
      { name: TEMPLATES, description: 'Block Kit layouts of alert messages.' },
      { name: CHANNELS, description: "The workspace's Slack channels." },
      { name: SYSTEM, description: 'Health and this document.' },
      ...ON_CALL_TAGS,
      { name: DROP_IN, description: 'Alertmanager, Grafana, PagerDuty and Opsgenie formats, each with its key where the format carries it, and any JSON webhook.' },
      { name: INTEGRATIONS, description: 'Configured sources of alerts: their keys, URLs, settings, field mappings and last events.' },
    ],
    paths: Object.fromEntries(
      Object.entries(paths()).map(([path, { parameters, operations }]) => [
        path,
        {
          ...(parameters ? { parameters } : {}),
          ...Object.fromEntries(Object.entries(operations).map(([method, operation]) => [method, operationObject(operation)])),
        },
      ]),
    ),
    components: {
      schemas: componentSchemas(),
      parameters: {
        AlertId: idParameter('alert'),
        ApiKeyId: idParameter('API key'),
        RouteId: idParameter('route'),
        SilenceId: idParameter('silence'),
        MaintenanceWindowId: idParameter('maintenance window'),
        ReportId: idParameter('report'),
        TemplateId: idParameter('template'),
        IntegrationId: idParameter('integration'),
        TeamId: {
          name: 'team_id',
          in: 'query',
          required: false,
          description:
            'With a dashboard session only: the Slack team id of the workspace to act on. Required when the session is ' +
            'signed in to several workspaces (400 without it); ignored with an API key, whose workspace is its own.',
          schema: { type: 'string', minLength: 1 },
        },
      },
      headers: {
        RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } },
      },
      responses: {
        BadRequest: errorResponse('The request is invalid; `message` names the first field, `details` lists them all.', 'invalid_request', 'title: must not be empty'),
        Unauthorized: errorResponse('No API key or session, or an invalid or revoked key.', 'unauthorized', 'Invalid or revoked API key.'),
        Forbidden: errorResponse(
          'The key lacks the scope; or the session is not a workspace admin, or a session write came without a same-origin `Origin` header.',
          'forbidden',
          'This API key lacks the alerts:write scope.',
        ),
        NotFound: errorResponse('No such resource in this workspace.', 'not_found', 'No such alert.'),
        Conflict: errorResponse('The change conflicts with the current state.', 'conflict', 'name: a template with this name exists'),
        PayloadTooLarge: errorResponse(`The body is larger than ${MAX_BODY_BYTES / 1024} KB.`, 'payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`),
        RateLimited: errorResponse(
          'Too many requests for this API key (`API_KEY_RATE_LIMIT` per second, default 3000); retry after `Retry-After` seconds.',
          'rate_limited',
          'Too many requests for this API key; retry after 1 s.',
          { headers: { 'Retry-After': ref('headers', 'RetryAfter') } },
        ),
      },
      securitySchemes: {
        basicKey: { type: 'http', scheme: 'basic', description: 'A Klaxon API key as the password of Basic authentication (any user name).' },
        genieKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'A Klaxon API key as `GenieKey <key>` (Opsgenie\'s scheme).' },
        routingKey: { type: 'apiKey', in: 'header', name: 'X-Routing-Key-In-Body', description: "Not a header: the Klaxon API key is the body's `routing_key` (PagerDuty Events v2). OpenAPI has no body-carried scheme." },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'klx_live_…',
          description:
            'An API key: `Authorization: Bearer klx_live_…`. Scopes: `alerts:write` (send alerts), `alerts:read` (read ' +
            'alerts, routes, templates, channels), `config:write` (change routes, templates and API keys); each operation ' +
            'lists the one it needs.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'klaxon_session',
          description:
            'The dashboard session (sign in with Slack). Writes need a workspace admin and a same-origin `Origin` header; ' +
            'add `team_id` when signed in to several workspaces.',
        },
      },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let cached: OpenApiDocument | undefined;

/** openApiDocument returns the OpenAPI 3.1 document of the REST API (built once, then frozen and reused). */
export function openApiDocument(): OpenApiDocument {
  cached ??= deepFreeze(build());
  return cached;
}
