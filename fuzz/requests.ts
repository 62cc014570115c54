// Every public endpoint as a generator of requests, valid and not: each operation of the OpenAPI document
// (bodies from its schemas and examples, mutated), the drop-in endpoints (the tools' own payloads, mutated), the
// Slack endpoints with valid signatures (and some without), and raw garbage on every path.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { openApiDocument } from '../lib/openapi/openapi-document';
import { hostileJson, hostileText, mutated } from './hostile';
import { schemaArbitrary, type JsonSchema } from './schema-arbitrary';

/** FuzzRequest is one HTTP request to send. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** label names the generator, for the summary. */
  label: string;
}

/** FuzzContext is what a fuzz run knows of the system under test. */
export interface FuzzContext {
  /** key is an API key of the workspace with every scope. */
  key: string;
  signingSecret: string;
  teamId: string;
  userId: string;
  channelId: string;
  /** ids of real records, so paths with an id reach past "not found". */
  ids: { alert: string[]; route: string[]; template: string[] };
}

interface Operation {
  method: string;
  path: string;
  parameters: Array<{ name: string; in: string; schema?: JsonSchema }>;
  body?: { schema: JsonSchema; examples: unknown[] };
  security: Array<Record<string, string[]>>;
}

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; security?: Operation['security']; requestBody?: { content: Record<string, { schema: JsonSchema; examples?: Record<string, { value: unknown }> }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
  security?: Operation['security'];
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

function operations(document: OpenApi): Operation[] {
  const list: Operation[] = [];
  for (const [route, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const json = operation.requestBody?.content['application/json'];
      list.push({
        method: method.toUpperCase(),
        path: route,
        parameters: [...((item as { parameters?: Operation['parameters'] }).parameters ?? []), ...(operation.parameters ?? [])],
        body: json ? { schema: json.schema, examples: Object.values(json.examples ?? {}).map((example) => example.value) } : undefined,
        security: operation.security ?? document.security ?? [],
      });
    }
  }
  return list;
}

const JSON_TYPE = { 'content-type': 'application/json' };

// How each kind of key travels (DESIGN.md §5a); a wrong or missing key now and then.
function authHeaders(context: FuzzContext, security: Operation['security']): fc.Arbitrary<Record<string, string>> {
  const schemes = new Set(security.flatMap((requirement) => Object.keys(requirement)));
  const good: Record<string, string> = {};
  if (schemes.has('apiKey')) good.authorization = `Bearer ${context.key}`;
  else if (schemes.has('genieKey')) good.authorization = `GenieKey ${context.key}`;
  return withWrongKeys(context, good);
}

// Mostly the right key; now and then none, a wrong one, or a malformed one.
function withWrongKeys(context: FuzzContext, good: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const wrong = fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer klx_wrong' }, { authorization: 'Basic Og==' }, { authorization: `Bearer ${context.key} ${context.key}` }, { authorization: 'GenieKey ' });
  return fc.oneof({ weight: 9, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: wrong });
}

const idSegment = (real: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: real.length ? 6 : 0, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('x') },
    { weight: 2, arbitrary: hostileText.map((text) => encodeURIComponent(text.slice(0, 200).toWellFormed()).replace(/%(?![0-9A-F]{2})/g, '%25')) },
    { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%00', '%C0%80', '%ED%A0%80', '..', '%2F', 'a'.repeat(5000)) },
  );

function realIds(context: FuzzContext, route: string): string[] {
  if (route.startsWith('/api/v1/alerts') || route.includes('/opsgenie/')) return context.ids.alert;
  if (route.startsWith('/api/v1/routes')) return context.ids.route;
  if (route.startsWith('/api/v1/templates')) return context.ids.template;
  return [];
}

function queryString(parameters: Operation['parameters'], components: Record<string, JsonSchema>): fc.Arbitrary<string> {
  const query = parameters.filter((parameter) => parameter.in === 'query');
  if (query.length === 0) return fc.constant('');
  const value = (schema: JsonSchema | undefined) => fc.oneof({ weight: 3, arbitrary: schemaArbitrary(schema ?? { type: 'string' }, components).map(String) }, { weight: 1, arbitrary: hostileText });
  return fc
    .record(Object.fromEntries(query.map((parameter) => [parameter.name, value(parameter.schema)])), { requiredKeys: [] })
    .map((values) => {
      const search = new URLSearchParams(values as Record<string, string>).toString();
      return search ? `?${search}` : '';
    });
}

function operationRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const document = openApiDocument() as unknown as OpenApi;
  const components = document.components.schemas;
  const arbitraries = operations(document)
    .filter((operation) => !operation.path.includes('/integrations/'))
    .map((operation) => {
      const pathArbitrary = operation.path.includes('{')
        ? idSegment(realIds(context, operation.path)).map((id) => operation.path.replace(/\{[^}]+\}/, id))
        : fc.constant(operation.path);
      const body: fc.Arbitrary<string | undefined> = operation.body
        ? fc.oneof(
            { weight: 3, arbitrary: schemaArbitrary(operation.body.schema, components) },
            { weight: operation.body.examples.length ? 3 : 0, arbitrary: operation.body.examples.length ? fc.constantFrom(...operation.body.examples).chain(mutated) : fc.constant({}) },
            { weight: 1, arbitrary: hostileJson },
          ).map((value) => JSON.stringify(value))
        : fc.constant(undefined);
      return fc
        .record({ path: pathArbitrary, query: queryString(operation.parameters, components), auth: authHeaders(context, operation.security), body })
        .map(({ path: route, query, auth, body: text }) => ({
          method: operation.method,
          path: `${route}${query}`,
          headers: { ...auth, ...(text === undefined ? {} : JSON_TYPE) },
          body: text,
          label: `${operation.method} ${operation.path}`,
        }));
    });
  return fc.oneof(...arbitraries);
}

const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'integrations', name), 'utf8'));

function dropInRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const bearer = { authorization: `Bearer ${context.key}` };
  const sources: Array<{ path: string; seed: unknown; headers: Record<string, string> }> = [
    { path: '/api/v1/integrations/alertmanager', seed: fixture('alertmanager-notification.json'), headers: bearer },
    { path: '/api/v1/integrations/grafana', seed: fixture('grafana-notification.json'), headers: bearer },
    { path: '/api/v1/integrations/pagerduty/v2/enqueue', seed: { ...(fixture('pagerduty-trigger.json') as object), routing_key: context.key }, headers: {} },
    { path: '/api/v1/integrations/opsgenie/v2/alerts', seed: fixture('opsgenie-create.json'), headers: { authorization: `GenieKey ${context.key}` } },
    { path: '/api/v1/integrations/opsgenie/v2/alerts/ID/close', seed: { user: 'fuzz', note: 'closed' }, headers: { authorization: `GenieKey ${context.key}` } },
    { path: '/api/v1/integrations/opsgenie/v2/alerts/ID/acknowledge', seed: { user: 'fuzz' }, headers: { authorization: `GenieKey ${context.key}` } },
  ];
  return fc.oneof(
    ...sources.map((source) =>
      fc
        .record({
          body: fc.oneof({ weight: 1, arbitrary: fc.constant(source.seed) }, { weight: 6, arbitrary: mutated(source.seed) }, { weight: 1, arbitrary: hostileJson }),
          id: idSegment(context.ids.alert),
          query: fc.constantFrom('', '?identifierType=alias', '?identifierType=id', '?identifierType=tiny', '?identifierType=%00'),
          auth: withWrongKeys(context, source.headers),
        })
        .map(({ body, id, query, auth }) => ({
          method: 'POST',
          path: `${source.path.replace('ID', id)}${source.path.includes('ID') ? query : ''}`,
          headers: { ...JSON_TYPE, ...auth },
          body: JSON.stringify(body),
          label: `POST ${source.path.replace('ID', '{id}')}`,
        })),
    ),
  );
}

/** slackSignature signs a body as Slack does (v0, HMAC-SHA256 of `v0:{timestamp}:{body}`). */
export function slackHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}` };
}

function slackRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const team = { id: context.teamId };
  const user = { id: context.userId, username: 'fuzz' };
  const alertId = context.ids.alert.length ? fc.constantFrom(...context.ids.alert) : hostileText;
  const eventSeeds = fc.oneof(
    fc.constant({ type: 'url_verification', challenge: 'fuzz-challenge', token: 'x' }),
    fc.constantFrom('app_home_opened', 'app_uninstalled_x', 'tokens_revoked', 'member_joined_channel', 'channel_archive', 'channel_rename', 'message').chain((type) =>
      fc.uuid().map((id) => ({
        type: 'event_callback',
        team_id: context.teamId,
        api_app_id: 'A0KLAXON',
        event_id: `Ev${id}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type, user: context.userId, channel: { id: context.channelId, name: 'fuzz' }, tab: 'home', tokens: { bot: ['U0NOTBOT'] } },
      })),
    ),
  );
  const actionSeeds = alertId.chain((id) =>
    fc.constantFrom(
      { type: 'block_actions', team, user, trigger_id: 't.1', channel: { id: context.channelId }, container: { type: 'message', message_ts: '1.000001' }, actions: [{ action_id: 'alert_acknowledge', value: id }] },
      { type: 'block_actions', team, user, trigger_id: 't.1', channel: { id: context.channelId }, actions: [{ action_id: 'alert_resolve', value: id }] },
      { type: 'block_actions', team, user, actions: [{ action_id: 'alert_snooze', value: id }] },
      { type: 'view_submission', team, user, view: { callback_id: 'klaxon_resolve_note', private_metadata: id, state: { values: { note: { note: { value: 'fixed' } } } } } },
      { type: 'shortcut', team, user, callback_id: 'x' },
    ),
  );
  const commandSeed = fc.record({
    command: fc.constantFrom('/klaxon', '/klaxon', '/other'),
    text: fc.oneof(fc.constantFrom('', 'help', 'list', 'open', 'status', 'ack', 'oncall'), hostileText),
    team_id: fc.oneof({ weight: 8, arbitrary: fc.constant(context.teamId) }, { weight: 1, arbitrary: hostileText }),
    user_id: fc.constant(context.userId),
    channel_id: fc.constant(context.channelId),
    response_url: fc.constant('http://127.0.0.1:9/response'),
    trigger_id: fc.constant('t.1'),
  });
  const json = (seed: fc.Arbitrary<unknown>) => fc.oneof({ weight: 2, arbitrary: seed }, { weight: 5, arbitrary: seed.chain(mutated) }, { weight: 1, arbitrary: hostileJson });
  const timestamp = fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(0, Math.floor(Date.now() / 1000) - 600, 99_999_999_999, -1) },
  );
  const signed = (kind: string, route: string, body: fc.Arbitrary<string>, type: string) =>
    fc.record({ body, timestamp, forged: fc.integer({ min: 0, max: 19 }).map((n) => n === 0) }).map(({ body: text, timestamp: at, forged }) => ({
      method: 'POST',
      path: route,
      headers: { 'content-type': type, ...(forged ? slackHeaders('not-the-secret', text) : slackHeaders(context.signingSecret, text, at)) },
      body: text,
      label: `POST ${route} (${kind})`,
    }));
  return fc.oneof(
    signed('event', '/api/slack/events', json(eventSeeds).map((value) => JSON.stringify(value)), 'application/json'),
    signed('interaction', '/api/slack/interactions', json(actionSeeds).map((value) => new URLSearchParams({ payload: JSON.stringify(value) }).toString()), 'application/x-www-form-urlencoded'),
    signed(
      'command',
      '/api/slack/commands',
      fc.oneof({ weight: 4, arbitrary: commandSeed }, { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 6 }) }).map((form) => new URLSearchParams(form).toString()),
      'application/x-www-form-urlencoded',
    ),
  );
}

const EVERY_PATH = [
  '/api/v1/alerts',
  '/api/v1/alerts/x',
  '/api/v1/routes',
  '/api/v1/templates',
  '/api/v1/templates/preview',
  '/api/v1/api-keys',
  '/api/v1/channels',
  '/api/v1/integrations/alertmanager',
  '/api/v1/integrations/grafana',
  '/api/v1/integrations/pagerduty/v2/enqueue',
  '/api/v1/integrations/opsgenie/v2/alerts',
  '/api/slack/events',
  '/api/slack/interactions',
  '/api/slack/commands',
  '/api/slack/install',
  '/api/slack/oauth_redirect',
  '/api/slack/sign-in/callback',
  '/api/auth/sign-out',
  '/api/metrics',
  '/api/health',
  '/api/nowhere',
];

// Wrong methods, wrong or missing content types, bodies that are not what they claim, query strings of junk.
function rawRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      path: fc.constantFrom(...EVERY_PATH),
      query: fc.oneof(fc.constant(''), hostileText.map((text) => `?q=${encodeURIComponent(text.slice(0, 300).toWellFormed())}&state=${encodeURIComponent(text.slice(0, 50).toWellFormed())}&code=x`), fc.constantFrom('?%', '?a=%ZZ', '?limit=-1', '?limit=1e9', '?cursor=%00')),
      type: fc.constantFrom(undefined, 'application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
      body: fc.oneof(fc.constant(undefined), hostileText, fc.constantFrom('{', '[', '{"a":', 'null', '"\\ud800"', '{"a":"\\u0000"}', '%%%', 'payload=%7B')),
      auth: fc.constantFrom<Record<string, string>>({}, { authorization: `Bearer ${context.key}` }, { authorization: 'Bearer' }, { cookie: 'klaxon_session=forged' }),
    })
    .map(({ method, path: route, query, type, body, auth }) => {
      const sendsBody = body !== undefined && method !== 'GET';
      return {
        method,
        path: `${route}${query}`,
        headers: { ...auth, ...(type && sendsBody ? { 'content-type': type } : {}) },
        body: sendsBody ? body : undefined,
        label: `raw ${method} ${route}`,
      };
    });
}

/** fuzzRequests generates requests over every public endpoint. */
export function fuzzRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 4, arbitrary: operationRequests(context) },
    { weight: 3, arbitrary: dropInRequests(context) },
    { weight: 3, arbitrary: slackRequests(context) },
    { weight: 2, arbitrary: rawRequests(context) },
  );
}
