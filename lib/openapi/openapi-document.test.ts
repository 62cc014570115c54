import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import packageJson from '@/package.json';
import { GET as getOpenApiRoute } from '@/app/api/v1/openapi.json/route';
import { alertJson } from '@/lib/alerts/alert-views';
import { apiKeyJson } from '@/lib/api-keys/api-key-json';
import { renderAlertBlocks } from '@/lib/blocks/render-alert-blocks';
import { sampleAlert } from '@/lib/blocks/sample-alert';
import { channelJson } from '@/lib/channels/channel-cache';
import { AppError } from '@/lib/errors';
import type { Alert, Channel, Route, Template } from '@/lib/generated/prisma/client';
import { RateLimitedError } from '@/lib/http/rate-limit';
import { errorResponse } from '@/lib/http/to-response';
import { routeJson } from '@/lib/routes/routes';
import { alertInputSchema } from '@/lib/schemas/alert';
import { API_KEY_SCOPES, apiKeyInputSchema } from '@/lib/schemas/api-key';
import { deliveryRetrySchema } from '@/lib/schemas/delivery';
import { routeInputSchema, routeOrderSchema, routePatchSchema } from '@/lib/schemas/route';
import { maintenanceWindowInputSchema, silenceInputSchema, silencePatchSchema } from '@/lib/schemas/silence';
import { windowJson } from '@/lib/silences/maintenance-windows';
import { reportInputSchema } from '@/lib/schemas/report';
import { reportJson } from '@/lib/reports/reports';
import { silenceJson } from '@/lib/silences/silences';
import { templateInputSchema, templatePreviewSchema } from '@/lib/schemas/template';
import { templateJson } from '@/lib/templates/templates';
import { alertmanagerNotificationSchema } from '@/lib/integrations/alertmanager';
import { grafanaNotificationSchema } from '@/lib/integrations/grafana';
import { opsgenieActionSchema, opsgenieCreateSchema } from '@/lib/integrations/opsgenie';
import { pagerDutyEventSchema } from '@/lib/integrations/pagerduty';
import { integrationJson } from '@/lib/integrations/integrations';
import { integrationInputSchema, integrationPatchSchema, mappingPreviewSchema } from '@/lib/schemas/integration';
import type { Integration } from '@/lib/generated/prisma/client';
import { scheduleJson } from '@/lib/oncall/schedules';
import { escalationPolicyJson } from '@/lib/escalation/policies';
import { escalationPolicyInputSchema, escalationPolicyPatchSchema } from '@/lib/schemas/escalation-policy';
import { heartbeatInputSchema, heartbeatPatchSchema } from '@/lib/schemas/heartbeat';
import { heartbeatJson } from '@/lib/heartbeats/heartbeats';
import { scheduleInputSchema, schedulePatchSchema } from '@/lib/schemas/schedule';
import { ON_CALL_SCHEMAS, escalationPolicyOut, heartbeatOut, scheduleOut } from './on-call-paths';
import { openApiDocument } from './openapi-document';
import * as out from './response-schemas';

type Json = Record<string, unknown>;

const doc = openApiDocument();
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operations(): Array<{ path: string; method: string; operation: Json }> {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((method) => method in item).map((method) => ({ path: p, method, operation: item[method] as Json })),
  );
}

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else collectRefs(child, found);
    }
  }
  return found;
}

function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (node && typeof node === 'object' ? (node as Json)[token] : undefined), doc);
}

function deref<T = Json>(value: unknown): T {
  const $ref = (value as Json).$ref;
  return (typeof $ref === 'string' ? resolvePointer($ref) : value) as T;
}

describe('openApiDocument', () => {
  it('is an OpenAPI 3.1 document with info and servers', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Klaxon', version: packageJson.version });
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(openApiDocument()).toBe(doc);
  });

  it('gives every operation an id, a summary, a known tag and responses', () => {
    const tags = new Set(doc.tags.map((tag) => tag.name));
    expect(operations().length).toBeGreaterThan(15);
    for (const { path: p, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${p}`;
      expect(operation.operationId, where).toEqual(expect.any(String));
      expect(operation.summary, where).toEqual(expect.any(String));
      expect((operation.tags as string[]).every((tag) => tags.has(tag)), where).toBe(true);
      const responses = operation.responses as Json;
      expect(Object.keys(responses).length, where).toBeGreaterThan(0);
      expect(Object.keys(responses).every((status) => /^[1-5]\d\d$/.test(status)), where).toBe(true);
      for (const response of Object.values(responses)) expect(deref(response).description, where).toEqual(expect.any(String));
    }
  });

  it('has unique operationIds', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref within the document', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const $ref of refs) expect(resolvePointer($ref), $ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('declares every path parameter of every templated path', () => {
    for (const { path: p, operation } of operations()) {
      const item = doc.paths[p] as { parameters?: unknown[] };
      const declared = [...(item.parameters ?? []), ...((operation.parameters as unknown[]) ?? [])]
        .map((parameter) => deref<{ name: string; in: string; required?: boolean }>(parameter))
        .filter((parameter) => parameter.in === 'path' && parameter.required === true)
        .map((parameter) => parameter.name);
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(declared.sort(), p).toEqual(templated.sort());
    }
  });

  it('documents the API key scope and the session alternative per operation', () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'klaxon_session' });
    for (const { path: p, method, operation } of operations()) {
      const security = operation.security as Array<Record<string, string[]>>;
      for (const requirement of security) for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme);
      // Public: health, this document, heartbeat pings and calendar feeds (their secret token is the credential).
      if (p === '/api/health' || p === '/api/v1/openapi.json' || p === '/api/v1/heartbeats/{id}/ping' || p === '/api/v1/schedules/{id}/calendar.ics') {
        expect(security, p).toEqual([]);
        continue;
      }
      if (p === '/api/v1/integrations/webhook/{token}') {
        // The URL's secret token authenticates a webhook: no scheme to declare, but refusals are documented.
        expect(security, p).toEqual([]);
        expect(Object.keys(operation.responses as Json)).toContain('401');
        continue;
      }
      if ((operation.tags as string[]).includes('Drop-in intake')) {
        // Drop-in formats carry the key their own way, never a session.
        expect(security.flatMap((requirement) => Object.values(requirement)).flat(), p).toEqual(security.map(() => 'alerts:write'));
        expect(Object.keys(operation.responses as Json)).toEqual(expect.arrayContaining(['401', '403']));
        continue;
      }
      const [keyRequirement] = security;
      expect(keyRequirement?.apiKey, `${method} ${p}`).toHaveLength(1);
      expect(API_KEY_SCOPES).toContain(keyRequirement!.apiKey![0]);
      expect(security).toContainEqual({ session: [] });
      expect(Object.keys(operation.responses as Json)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('matches the scopes the route handlers ask withApi for', () => {
    const scopeOf = (p: string, method: string) => ((doc.paths[p]![method] as Json).security as Array<Record<string, string[]>>)[0]!.apiKey![0];
    expect(scopeOf('/api/v1/alerts', 'post')).toBe('alerts:write');
    expect(scopeOf('/api/v1/alerts', 'get')).toBe('alerts:read');
    expect(scopeOf('/api/v1/api-keys', 'post')).toBe('config:write');
    expect(scopeOf('/api/v1/routes/{id}', 'patch')).toBe('config:write');
    expect(scopeOf('/api/v1/templates/preview', 'post')).toBe('alerts:read');
    for (const file of routeFiles()) {
      const source = readFileSync(file.file, 'utf8');
      for (const [, method, scope] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\s*=\s*withApi(?:<[^>]*>)?\('([^']+)'/g)) {
        expect(scopeOf(file.path, method!.toLowerCase()), `${method} ${file.path}`).toBe(scope);
      }
    }
  });

  it('shares one Error schema, with Retry-After on 429', () => {
    const error = doc.components.schemas.Error as { properties: { error: { required: string[] } } };
    expect(error.properties.error.required).toEqual(['code', 'message']);
    for (const name of ['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict', 'PayloadTooLarge', 'RateLimited']) {
      const response = doc.components.responses[name] as { content: { 'application/json': { schema: unknown } } };
      expect(response.content['application/json'].schema, name).toEqual({ $ref: '#/components/schemas/Error' });
    }
    expect(doc.components.responses.RateLimited).toMatchObject({ headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } });
    const createAlert = doc.paths['/api/v1/alerts']!.post as { responses: Json };
    expect(Object.keys(createAlert.responses).sort()).toEqual(['202', '400', '401', '403', '404', '413', '429']);
  });

  describe('the alert request schema', () => {
    const alertInput = doc.components.schemas.AlertInput as { oneOf: Array<{ properties: Json; required: string[]; additionalProperties: unknown }> };
    const trigger = alertInput.oneOf.find((branch) => (branch.properties.action as Json).const === 'trigger');
    const statusChange = alertInput.oneOf.find((branch) => branch !== trigger);

    it('requires event_type, severity and title for triggers', () => {
      expect(trigger?.required).toEqual(expect.arrayContaining(['event_type', 'severity', 'title']));
      expect(trigger?.required).not.toContain('action');
      expect(statusChange?.required).toEqual(expect.arrayContaining(['action', 'dedup_key']));
    });

    it('rejects unknown keys', () => {
      expect(trigger?.additionalProperties).toBe(false);
      expect(statusChange?.additionalProperties).toBe(false);
      expect(alertInputSchema.safeParse({ event_type: 'a.b', severity: 'info', title: 't', colour: 'red' }).success).toBe(false);
    });

    it('is what the POST /api/v1/alerts body refers to', () => {
      const operation = doc.paths['/api/v1/alerts']!.post as { requestBody: { content: { 'application/json': { schema: unknown } } } };
      expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AlertInput' });
    });
  });

  it('has request examples that the API accepts', () => {
    const schemas: Record<string, z.ZodType> = {
      AlertInput: alertInputSchema,
      ApiKeyInput: apiKeyInputSchema,
      RouteInput: routeInputSchema,
      RoutePatch: routePatchSchema,
      RouteOrder: routeOrderSchema,
      SilenceInput: silenceInputSchema,
      SilencePatch: silencePatchSchema,
      MaintenanceWindowInput: maintenanceWindowInputSchema,
      ReportInput: reportInputSchema,
      TemplateInput: templateInputSchema,
      TemplatePreviewRequest: templatePreviewSchema,
      IntegrationInput: integrationInputSchema,
      IntegrationPatch: integrationPatchSchema,
      MappingPreviewRequest: mappingPreviewSchema,
      ...Object.fromEntries(Object.entries(ON_CALL_SCHEMAS).map(([name, { schema }]) => [name, schema])),
      DeliveryRetryRequest: deliveryRetrySchema,
    };
    let count = 0;
    for (const { path: p, method, operation } of operations()) {
      const body = (operation.requestBody as { content: Record<string, { schema: { $ref: string }; examples: Record<string, { value: unknown }> }> } | undefined)
        ?.content['application/json'];
      if (!body) continue;
      const schema = schemas[body.schema.$ref.split('/').at(-1)!];
      expect(schema, `${method} ${p}`).toBeDefined();
      for (const [name, { value }] of Object.entries(body.examples)) {
        const result = schema!.safeParse(value);
        expect(result.error?.issues, `${method} ${p} example ${name}`).toBeUndefined();
        count += 1;
      }
    }
    expect(count).toBeGreaterThanOrEqual(9);
  });

  it('is served by GET /api/v1/openapi.json', async () => {
    const response = getOpenApiRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

// ---- the document and the route files can't drift apart ----------------------------------------------------

const APP = path.resolve(import.meta.dirname, '../../app');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function routeFiles(dir = path.join(APP, 'api/v1')): Array<{ file: string; path: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    const urlPath = `/${path.relative(APP, dir).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    return [{ file: full, path: urlPath }];
  });
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const declared = [...source.matchAll(/export\s+(?:async\s+)?(?:const|let|function)\s+([A-Z]+)\b/g)].map((match) => match[1]!);
  const listed = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
    match[1]!.split(',').map((name) => name.trim().split(/\s+as\s+/).at(-1)!),
  );
  return [...declared, ...listed].filter((name) => HTTP_METHODS.includes(name));
}

describe('the document and the route files', () => {
  const fromFiles = [...routeFiles(), { file: path.join(APP, 'api/health/route.ts'), path: '/api/health' }]
    .flatMap(({ file, path: p }) => exportedMethods(file).map((method) => `${method} ${p}`))
    .sort();
  const fromDocument = operations()
    .map(({ path: p, method }) => `${method.toUpperCase()} ${p}`)
    .sort();

  it('finds the route files', () => {
    expect(fromFiles).toContain('POST /api/v1/alerts');
    expect(fromFiles).toContain('PATCH /api/v1/templates/{id}');
    expect(fromFiles).toContain('GET /api/v1/openapi.json');
  });

  it('has an operation for every exported handler, and a handler for every operation', () => {
    expect(fromDocument).toEqual(fromFiles);
  });
});

// ---- the response schemas mirror the *Json functions ------------------------------------------------------

function expectMirrors(schema: z.ZodObject, value: unknown): void {
  const json = JSON.parse(JSON.stringify(value)) as Json;
  expect(Object.keys(json).sort()).toEqual(Object.keys(schema.shape).sort());
  const result = schema.safeParse(json);
  expect(result.error?.issues).toBeUndefined();
}

describe('the response schemas', () => {
  const at = new Date('2024-05-02T14:02:00Z');

  it('mirror alertJson', () => {
    const alert: Alert = {
      id: 'alert1',
      workspaceId: 'T1',
      eventType: 'deploy.failed',
      severity: 'critical',
      groupKey: null,
      title: 'Deploy failed',
      description: null,
      fields: { service: 'checkout-api', failed_checks: 3, rolled_back: true },
      links: [{ text: 'Run', url: 'https://example.com/run' }],
      source: 'ci',
      dedupKey: 'deploy/checkout-api',
      silenceId: null,
      silenced: false,
      openDedupKey: null,
      status: 'resolved',
      routed: true,
      routeIds: [],
      occurrences: 2,
      occurredAt: at,
      lastSeenAt: at,
      acknowledgedAt: at,
      acknowledgedBy: null,
      resolvedAt: at,
      resolvedBy: null,
      snoozedUntil: null,
      escalationPolicyId: null,
      escalationRun: 0,
      onCallUserId: null,
      createdAt: at,
      updatedAt: at,
    };
    expectMirrors(out.alertOut, alertJson(alert));
  });

  it('mirror apiKeyJson, routeJson, templateJson and channelJson', () => {
    expectMirrors(out.apiKeyOut, apiKeyJson({ id: 'k1', name: 'CI', prefix: 'klx_live_ab12', scopes: ['alerts:write'], createdAt: at, lastUsedAt: null, revokedAt: at }));
    const route: Route = {
      id: 'r1',
      workspaceId: 'T1',
      name: 'Deploys',
      eventTypes: ['deploy.*'],
      severities: ['critical'],
      channelIds: ['C0123ABCD'],
      templateId: null,
      enabled: true,
      stormLimit: 10,
      threadReplies: 'all' as const,
      groupBy: 'event_type',
      position: 0,
      escalationPolicyId: null,
      autoResolveMinutes: null,
      reminderMinutes: null,
      reminderRetrigger: false,
      createdAt: at,
      updatedAt: at,
    };
    expectMirrors(out.routeOut, routeJson(route));
    const silence = {
      id: 's1',
      workspaceId: 'T1',
      eventType: 'deploy.*',
      severities: ['critical' as const],
      source: 'ci',
      fieldMatchers: [{ name: 'region', op: '=~', value: 'eu-.*' }],
      startsAt: at,
      endsAt: new Date(at.getTime() + 3_600_000),
      comment: 'freeze',
      createdByType: 'api_key' as const,
      createdById: 'k1',
      createdByName: 'CI',
      windowId: null,
      createdAt: at,
      updatedAt: at,
      heldAlerts: 2,
    };
    expectMirrors(out.silenceOut, silenceJson(silence, at));
    const window = {
      id: 'w1',
      workspaceId: 'T1',
      name: 'Sunday backups',
      eventType: 'disk.*',
      severities: [],
      source: null,
      fieldMatchers: [],
      timeZone: 'Europe/Berlin',
      days: [0],
      startTime: '02:00',
      endTime: '04:00',
      createdByType: 'api_key' as const,
      createdById: 'k1',
      createdByName: 'CI',
      createdAt: at,
      updatedAt: at,
    };
    expectMirrors(out.maintenanceWindowOut, windowJson(window, at));
    const report = { id: 'r1', workspaceId: 'T1', channelId: 'C0123ABCD', days: [1], time: '09:00', timeZone: 'Europe/Berlin', lastSentAt: null, createdAt: at, updatedAt: at };
    expectMirrors(out.reportOut, reportJson(report, at));
    const template: Template = { id: 't1', workspaceId: 'T1', name: 'Deploys', blocks: [{ type: 'divider' }], createdAt: at, updatedAt: at };
    expectMirrors(out.templateOut, templateJson(template));
    const channel: Channel = { workspaceId: 'T1', id: 'C0123ABCD', name: 'deploys', isPrivate: false, isArchived: false, isMember: true, deletedAt: null, refreshedAt: at };
    expectMirrors(out.channelOut, channelJson(channel));
    const schedule = { id: 's1', workspaceId: 'T1', name: 'Primary', userGroupId: 'S0ONCALL1', createdAt: at, updatedAt: at,
      rotations: [{ kind: 'hourly', everyHours: 12, startDate: '2024-05-01', handoffTime: '09:00', timeZone: 'UTC', participants: ['U1', 'U2'], restrict: { days: ['mon'], from: '09:00', to: '17:00' }, endDate: '2024-06-01', name: 'Day' }],
      overrides: [{ user: 'U3', start: at.toISOString(), end: new Date(at.getTime() + 3_600_000).toISOString() }] };
    expectMirrors(scheduleOut, scheduleJson(schedule, at));
    const steps = [{ afterMinutes: 5, targets: [{ type: 'schedule', id: 's1' }, { type: 'here' }] }];
    const beat = { id: 'h1', workspaceId: 'T1', name: 'backup', tokenHash: 'x', tokenPrefix: 'hb_abcdef', intervalSeconds: 60, graceSeconds: 0, eventType: 'heartbeat.missed', severity: 'critical' as const, lastPingAt: at, down: false, checkSeq: 0, createdAt: at, updatedAt: at };
    expectMirrors(heartbeatOut, heartbeatJson(beat, 'hb_secret'));
    expectMirrors(escalationPolicyOut, escalationPolicyJson({ id: 'p1', workspaceId: 'T1', name: 'Payments', steps, repeat: 1, createdAt: at, updatedAt: at }));
  });

  it('mirror integrationJson, with every optional part', () => {
    const row: Integration & { apiKey: { prefix: string } } = {
      id: 'i1',
      workspaceId: 'T1',
      kind: 'grafana',
      name: 'Grafana',
      apiKeyId: 'k1',
      tokenHash: 'h',
      tokenPrefix: 'klx_hook_abcd',
      config: { event_type_label: 'service', severity_map: { page: 'critical' }, preset: 'sentry', mapping: { title: '{{t}}' }, sample: { t: 1 }, hmac: { header: 'X-Sig', timestamp_header: 'X-Ts', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' } },
      secretCiphertext: 'c',
      secretKeyId: 'k',
      lastEventAt: at,
      lastEventStatus: 200,
      lastEventResult: '1 alert accepted',
      createdAt: at,
      updatedAt: at,
      apiKey: { prefix: 'klx_live_ab12' },
    };
    const json = JSON.parse(JSON.stringify(integrationJson(row, { key: 'klx_live_x', token: 'klx_hook_y' }))) as Json;
    expect(Object.keys(json).sort()).toEqual(Object.keys(out.integrationCreatedOut.shape).sort());
    expect(out.integrationCreatedOut.safeParse(json).error?.issues).toBeUndefined();
  });

  it('mirror a rendered preview', () => {
    expectMirrors(out.renderedMessageOut, renderAlertBlocks(sampleAlert('critical'), null, { dashboardUrl: 'https://klaxon.example/w/T1' }));
  });

  it('mirror the error answers', async () => {
    expectMirrors(out.errorOut, await errorResponse(new AppError('not_found', 'No such alert.')).json());
    const invalid: unknown = await errorResponse(alertInputSchema.safeParse({}).error).json();
    expectMirrors(out.errorOut, invalid);
    expect(out.errorOut.parse(invalid).error.details?.length).toBeGreaterThan(0);
    const limited = errorResponse(new RateLimitedError(2));
    expect(limited.headers.get('retry-after')).toBe('2');
    expectMirrors(out.errorOut, await limited.json());
  });
});

// ---- the README's curl examples: one per operation, with bodies the API accepts ------------------------------

// Splits shell code into commands of words: quotes (also across lines), `\` line continuations and comments.
function shellCommands(code: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < code.length; i += 1) {
    const char = code[i]!;
    if (char === "'" || char === '"') {
      const close = code.indexOf(char, i + 1);
      word = (word ?? '') + code.slice(i + 1, close);
      i = close;
    } else if (char === '\\' && code[i + 1] === '\n') i += 1;
    else if (char === '\n') endCommand();
    else if (char === ' ' || char === '\t') endWord();
    else if (char === '#' && word === null) i = code.indexOf('\n', i) - 1;
    else word = (word ?? '') + char;
  }
  endCommand();
  return commands;
}

describe('the README', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## REST API\n')).split(/\n## (?!REST API)/)[0]!;
  const curls = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((match) => shellCommands(match[1]!))
    .filter((words) => words[0] === 'curl')
    .map((words) => {
      const flag = (name: string) => words[words.indexOf(name) + 1];
      const url = words.find((w) => w.startsWith('$KLAXON_URL/'))!;
      const body = words.includes('-d') ? flag('-d') : undefined;
      const method = words.includes('-X') ? flag('-X')! : body !== undefined ? 'POST' : 'GET';
      const urlPath = url.slice('$KLAXON_URL'.length).split('?')[0]!.replace(/\$TOKEN/g, '{token}').replace(/\$[A-Z_]+/g, '{id}');
      return { operation: `${method} ${urlPath}`, body };
    });

  it('has a REST API section with a curl example for every operation', () => {
    expect(section.startsWith('\n## REST API\n')).toBe(true);
    const documented = operations().map(({ path: p, method }) => `${method.toUpperCase()} ${p}`);
    expect([...new Set(curls.map((curl) => curl.operation))].sort()).toEqual(documented.sort());
  });

  it('sends bodies that the API accepts', () => {
    const schemaOf: Record<string, z.ZodType> = {
      'POST /api/v1/alerts': alertInputSchema,
      'POST /api/v1/api-keys': apiKeyInputSchema,
      'POST /api/v1/routes': routeInputSchema,
      'PATCH /api/v1/routes/{id}': routePatchSchema,
      'PUT /api/v1/routes/order': routeOrderSchema,
      'POST /api/v1/silences': silenceInputSchema,
      'PATCH /api/v1/silences/{id}': silencePatchSchema,
      'POST /api/v1/maintenance-windows': maintenanceWindowInputSchema,
      'POST /api/v1/reports': reportInputSchema,
      'POST /api/v1/templates': templateInputSchema,
      'PUT /api/v1/templates/{id}': templateInputSchema,
      'PATCH /api/v1/templates/{id}': templateInputSchema,
      'POST /api/v1/templates/preview': templatePreviewSchema,
      'POST /api/v1/schedules': scheduleInputSchema,
      'PATCH /api/v1/schedules/{id}': schedulePatchSchema,
      'POST /api/v1/escalation-policies': escalationPolicyInputSchema,
      'PATCH /api/v1/escalation-policies/{id}': escalationPolicyPatchSchema,
      'POST /api/v1/heartbeats': heartbeatInputSchema,
      'PATCH /api/v1/heartbeats/{id}': heartbeatPatchSchema,
      'POST /api/v1/deliveries/retry': deliveryRetrySchema,
      'POST /api/v1/integrations/alertmanager': alertmanagerNotificationSchema,
      'POST /api/v1/integrations/grafana': grafanaNotificationSchema,
      'POST /api/v1/integrations/pagerduty/v2/enqueue': pagerDutyEventSchema,
      'POST /api/v1/integrations/opsgenie/v2/alerts': opsgenieCreateSchema,
      'POST /api/v1/integrations/opsgenie/v2/alerts/{id}/acknowledge': opsgenieActionSchema,
      'POST /api/v1/integrations/opsgenie/v2/alerts/{id}/close': opsgenieActionSchema,
      'POST /api/v1/integrations': integrationInputSchema,
      'PATCH /api/v1/integrations/{id}': integrationPatchSchema,
      'POST /api/v1/integrations/preview': mappingPreviewSchema,
      'POST /api/v1/integrations/webhook/{token}': z.record(z.string(), z.unknown()),
    };
    const withBodies = curls.filter((curl) => curl.body !== undefined);
    expect(new Set(withBodies.map((curl) => curl.operation))).toEqual(new Set(Object.keys(schemaOf)));
    for (const { operation, body } of withBodies) {
      const result = schemaOf[operation]!.safeParse(JSON.parse(body!));
      expect(result.error?.issues, operation).toBeUndefined();
    }
  });
});
