// The REST API through its route handlers (real Requests, real PostgreSQL): authentication by key or
// session, CSRF, roles, validation errors naming the field, limits, pagination and workspace isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as alerts from '@/app/api/v1/alerts/route';
import * as alert from '@/app/api/v1/alerts/[id]/route';
import * as apiKeys from '@/app/api/v1/api-keys/route';
import * as apiKey from '@/app/api/v1/api-keys/[id]/route';
import * as routes from '@/app/api/v1/routes/route';
import * as route from '@/app/api/v1/routes/[id]/route';
import * as order from '@/app/api/v1/routes/order/route';
import * as templates from '@/app/api/v1/templates/route';
import * as template from '@/app/api/v1/templates/[id]/route';
import * as preview from '@/app/api/v1/templates/preview/route';
import * as channels from '@/app/api/v1/channels/route';
import * as retry from '@/app/api/v1/deliveries/retry/route';
import { db, disconnectDb } from '@/lib/db';
import { env, provideEnv } from '@/lib/env';
import { installWorkspace, signInMember } from '../support/install-flow';
import { startSandboxSlack, type CookieJar, type SandboxWorkspaces } from '../support/slack-sandbox';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let admin: CookieJar;
let viewer: CookieJar;
let keyA: string;
let keyB: string;

const url = (path: string) => `${env().appUrl}${path}`;

async function call(handler: Handler, path: string, init: { key?: string; jar?: CookieJar; method?: string; body?: unknown; raw?: string; origin?: string | null; params?: Record<string, string> } = {}) {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  if (init.jar && init.origin !== null) headers.set('origin', init.origin ?? env().appUrl);
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const request = init.jar ? init.jar.request(url(path), { method: init.method ?? 'GET', headers, body }) : new Request(url(path), { method: init.method ?? 'GET', headers, body });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string; message: string; details?: Array<{ field: string }> } } };
}

const trigger = (overrides: Record<string, unknown> = {}) => ({ event_type: 'deploy.failed', severity: 'critical', title: 'Deploy failed', ...overrides });

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  admin = await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
  viewer = await signInMember(workspaces.acme.id, 'U0ACMEMEM2');
  keyA = (await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: admin, method: 'POST', body: { name: 'acme ci' } })).json.key as string;
  const globexAdmin = await signInMember(workspaces.globex.id, 'U0GLBXOWN1');
  keyB = (await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: globexAdmin, method: 'POST', body: { name: 'globex ci' } })).json.key as string;
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

describe('API keys', () => {
  it('are created by admins from a same-origin session, shown once, and listed by prefix only', async () => {
    expect(keyA).toMatch(/^klx_live_[A-Za-z0-9]{32}$/);
    const list = await call(apiKeys.GET as Handler, '/api/v1/api-keys', { jar: admin });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).not.toContain(keyA);
    expect(list.json.api_keys).toContainEqual(expect.objectContaining({ name: 'acme ci', prefix: keyA.slice(0, 13), scopes: ['alerts:write', 'alerts:read', 'config:write'] }));
  });

  it('refuses a cross-site or Origin-less session request (CSRF) and a viewer', async () => {
    expect((await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: admin, method: 'POST', body: { name: 'x' }, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: admin, method: 'POST', body: { name: 'x' }, origin: null })).status).toBe(403);
    const refused = await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: viewer, method: 'POST', body: { name: 'x' } });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toMatch(/admins/);
  });

  it('stop working as soon as they are revoked', async () => {
    const created = await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: admin, method: 'POST', body: { name: 'short lived', scopes: ['alerts:write'] } });
    const key = created.json.key as string;
    expect((await call(alerts.POST as Handler, '/api/v1/alerts', { key, method: 'POST', body: trigger() })).status).toBe(202);
    expect((await call(alerts.GET as Handler, '/api/v1/alerts', { key })).status).toBe(403); // lacks alerts:read
    await call(apiKey.DELETE as Handler, `/api/v1/api-keys/${String(created.json.id)}`, { jar: admin, method: 'DELETE', params: { id: String(created.json.id) } });
    const after = await call(alerts.POST as Handler, '/api/v1/alerts', { key, method: 'POST', body: trigger() });
    expect(after.status).toBe(401);
    expect(after.json.error?.code).toBe('unauthorized');
  });
});

describe('POST /api/v1/alerts', () => {
  it('answers 202 with id, status and dedup_key, and says when a trigger was a repeat of an open alert', async () => {
    const response = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ dedup_key: 'api-1' }) });
    expect(response.status).toBe(202);
    expect(Object.keys(response.json).sort()).toEqual(['dedup_key', 'deduplicated', 'id', 'occurrences', 'status']);
    expect(response.json).toMatchObject({ status: 'triggered', dedup_key: 'api-1', deduplicated: false, occurrences: 1 });
    expect(typeof response.json.id).toBe('string');
    const repeat = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ dedup_key: 'api-1' }) });
    expect(repeat.json).toMatchObject({ id: response.json.id, deduplicated: true, occurrences: 2 });
  });

  it.each([
    ['a missing key', {}, 401, 'unauthorized'],
    ['a malformed Authorization header', { headers: 'Basic abc' }, 401, 'unauthorized'],
    ['an unknown key', { key: 'klx_live_nope' }, 401, 'unauthorized'],
  ])('refuses %s with 401', async (_label, options, status, code) => {
    const init = options as { key?: string; headers?: string };
    const request = new Request(url('/api/v1/alerts'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...(init.headers ? { authorization: init.headers } : {}) },
      body: JSON.stringify(trigger()),
    });
    const response = await (alerts.POST as Handler)(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it.each([
    [{ title: 'x'.repeat(251) }, 'title'],
    [{ severity: 'urgent' }, 'severity'],
    [{ event_type: undefined }, 'event_type'],
    [{ links: [{ text: 'x', url: 'javascript:alert(1)' }] }, 'links.0.url'],
    [{ fields: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])) }, 'fields'],
    [{ sevrity: 'critical' }, 'sevrity'],
    // Text PostgreSQL cannot store (it used to reach the database and answer 500).
    [{ title: 'deploy \u0000 failed' }, 'title'],
    [{ fields: { region: 'eu\u0000' } }, 'fields.region'],
    [{ fields: { 're\u0000gion': 'eu' } }, 'fields.re\u0000gion'],
    [{ links: [{ text: 'half \ud83d', url: 'https://example.com' }] }, 'links.0.text'],
    [{ description: '\udc00 alone' }, 'description'],
  ])('answers 400 naming the field (%#)', async (overrides, field) => {
    const response = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger(overrides) });
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toBe('invalid_request');
    // The message counts list items as people do: links.0.url is 'links (the 1st link) url'.
    expect(response.json.error?.message.startsWith(`${field.replace(/^links\.0\./, 'links (the 1st link) ')}:`)).toBe(true);
    expect(response.json.error?.details?.[0]?.field).toBe(field);
  });

  it('refuses unstorable text in the query, a route name and a template with a 400, not a 500', async () => {
    const listed = await call(alerts.GET as Handler, `/api/v1/alerts?q=${encodeURIComponent('disk\u0000')}`, { key: keyA });
    expect(listed.status).toBe(400);
    expect(listed.json.error?.details?.[0]?.field).toBe('q');
    const routed = await call(routes.POST as Handler, '/api/v1/routes', { key: keyA, method: 'POST', body: { name: 'night \ud800', event_types: ['x.*'], severities: ['critical'], channels: ['C0ACMEALRT'] } });
    expect(routed.status).toBe(400);
    expect(routed.json.error?.message).toBe('name: must not contain NUL characters or unpaired surrogates');
    const templated = await call(templates.POST as Handler, '/api/v1/templates', { key: keyA, method: 'POST', body: { name: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '{{title}}\u0000' } }] } });
    expect(templated.status).toBe(400);
    expect(templated.json.error?.details?.[0]?.field).toBe('blocks.0.text.text');
  });

  it('answers 400 for malformed JSON and 413 for a body over 512 KB', async () => {
    expect((await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', raw: '{"title":' })).status).toBe(400);
    const huge = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ description: 'x'.repeat(600 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.json.error?.code).toBe('payload_too_large');
  });

  it('rate-limits per key with 429 and Retry-After', async () => {
    provideEnv({ API_KEY_RATE_LIMIT: '3' });
    try {
      const created = await call(apiKeys.POST as Handler, '/api/v1/api-keys', { jar: admin, method: 'POST', body: { name: 'limited' } });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i += 1) {
        const response = await call(alerts.POST as Handler, '/api/v1/alerts', { key: created.json.key as string, method: 'POST', body: trigger() });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      provideEnv({ API_KEY_RATE_LIMIT: '3000' });
    }
  });

  it('acknowledge/resolve by dedup_key follow PagerDuty semantics', async () => {
    await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ dedup_key: 'pd-1' }) });
    const acked = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: { action: 'acknowledge', dedup_key: 'pd-1' } });
    expect(acked.json).toMatchObject({ status: 'acknowledged', dedup_key: 'pd-1' });
    const resolved = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: { action: 'resolve', dedup_key: 'pd-1' } });
    expect(resolved.json.status).toBe('resolved');
    const missing = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: { action: 'resolve', dedup_key: 'pd-1' } });
    expect(missing.status).toBe(404);
    const reopened = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ dedup_key: 'pd-1' }) });
    expect(reopened.json.id).not.toBe(acked.json.id);
  });
});

describe('reading alerts', () => {
  it('filters and paginates with a cursor, newest first, without repeats', async () => {
    for (let i = 0; i < 5; i += 1) await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ event_type: 'page.test', severity: 'warning', title: `page ${i}` }) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(alerts.GET as Handler, `/api/v1/alerts?event_type=page.test&severity=warning&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { key: keyA });
      expect(page.status).toBe(200);
      const items = page.json.alerts as Array<{ id: string; title: string }>;
      seen.push(...items.map((item) => item.title));
      cursor = page.json.next_cursor as string | null;
    } while (cursor);
    expect(seen).toEqual(['page 4', 'page 3', 'page 2', 'page 1', 'page 0']);
    expect((await call(alerts.GET as Handler, '/api/v1/alerts?status=bogus', { key: keyA })).status).toBe(400);
  });

  it("returns one alert with deliveries and activity; another workspace's key gets 404", async () => {
    const { json } = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger() });
    const id = json.id as string;
    const mine = await call(alert.GET as Handler, `/api/v1/alerts/${id}`, { key: keyA, params: { id } });
    expect(mine.status).toBe(200);
    expect(mine.json.id).toBe(id);
    expect(Array.isArray(mine.json.deliveries)).toBe(true);
    expect((mine.json.activity as Array<{ kind: string; via: string }>).map((a) => [a.kind, a.via])).toEqual([['triggered', 'api']]);
    expect((await call(alert.GET as Handler, `/api/v1/alerts/${id}`, { key: keyB, params: { id } })).status).toBe(404);
    const list = await call(alerts.GET as Handler, '/api/v1/alerts?limit=200', { key: keyB });
    expect((list.json.alerts as Array<{ id: string }>).some((item) => item.id === id)).toBe(false);
  });
});

describe('routes, templates and channels', () => {
  it('lists the channel cache from conversations.list (all pages)', async () => {
    const response = await call(channels.GET as Handler, '/api/v1/channels', { key: keyA });
    const names = (response.json.channels as Array<{ name: string; is_private: boolean; is_member: boolean }>).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['alerts', 'ops', 'team-20', 'incidents']));
    expect(names).not.toContain('secret');
  });

  it('creates a route against the channel cache and the workspace’s own templates, and isolates it', async () => {
    const bad = await call(routes.POST as Handler, '/api/v1/routes', { key: keyA, method: 'POST', body: { name: 'x', event_types: ['a.*'], severities: ['critical'], channels: ['C0GLBXALRT'] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/^channels:/);
    const made = await call(templates.POST as Handler, '/api/v1/templates', {
      key: keyA,
      method: 'POST',
      body: { name: 'Terse', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*{{title}}* ({{severity}})' } }] },
    });
    expect(made.status).toBe(201);
    const created = await call(routes.POST as Handler, '/api/v1/routes', {
      key: keyA,
      method: 'POST',
      body: { name: 'Deploys', event_types: ['deploy.*'], severities: ['critical', 'error'], channels: ['C0ACMEDPLY'], template_id: made.json.id },
    });
    expect(created.status).toBe(201);
    const routeId = created.json.id as string;
    expect((await call(route.PATCH as Handler, `/api/v1/routes/${routeId}`, { key: keyB, method: 'PATCH', body: { enabled: false }, params: { id: routeId } })).status).toBe(404);
    const patched = await call(route.PATCH as Handler, `/api/v1/routes/${routeId}`, { key: keyA, method: 'PATCH', body: { enabled: false }, params: { id: routeId } });
    expect(patched.json.enabled).toBe(false);
    const inUse = await call(template.DELETE as Handler, `/api/v1/templates/${String(made.json.id)}`, { key: keyA, method: 'DELETE', params: { id: String(made.json.id) } });
    expect(inUse.status).toBe(409);
    expect((await call(route.DELETE as Handler, `/api/v1/routes/${routeId}`, { key: keyA, method: 'DELETE', params: { id: routeId } })).status).toBe(204);
  });

  it('refuses a route to an archived channel, as the channel picker does, and keeps one the route already had', async () => {
    const body = { name: 'Archived', event_types: ['a.*'], severities: ['critical'], channels: ['C0ACMEARCH'] };
    const refused = await call(routes.POST as Handler, '/api/v1/routes', { key: keyA, method: 'POST', body });
    expect(refused.status).toBe(400);
    expect(refused.json.error?.message).toMatch(/^channels: #\S+ \(C0ACMEARCH\): Archived: unarchive it in Slack to post here\.$/);
    expect(refused.json.error?.details).toEqual([{ field: 'channels', message: expect.stringContaining('Archived') as string }]);

    const created = await call(routes.POST as Handler, '/api/v1/routes', { key: keyA, method: 'POST', body: { ...body, channels: ['C0ACMEOPS1'] } });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const added = await call(route.PATCH as Handler, `/api/v1/routes/${id}`, { key: keyA, method: 'PATCH', body: { channels: ['C0ACMEOPS1', 'C0ACMEARCH'] }, params: { id } });
    expect(added.status).toBe(400);
    // A channel archived after the route was made stays on it (the picker keeps it checked): other edits still save.
    await db().channel.update({ where: { workspaceId_id: { workspaceId: workspaces.acme.id, id: 'C0ACMEOPS1' } }, data: { isArchived: true } });
    try {
      const renamed = await call(route.PATCH as Handler, `/api/v1/routes/${id}`, { key: keyA, method: 'PATCH', body: { name: 'Renamed', channels: ['C0ACMEOPS1'] }, params: { id } });
      expect(renamed.status).toBe(200);
    } finally {
      await db().channel.update({ where: { workspaceId_id: { workspaceId: workspaces.acme.id, id: 'C0ACMEOPS1' } }, data: { isArchived: false } });
      await call(route.DELETE as Handler, `/api/v1/routes/${id}`, { key: keyA, method: 'DELETE', params: { id } });
    }
  });

  it('retries dead deliveries through POST /api/v1/deliveries/retry: scoped to the workspace, validated, admins only', async () => {
    const sent = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ title: 'retry me' }) });
    const alertId = sent.json.id as string;
    const none = await call(retry.POST as Handler, '/api/v1/deliveries/retry', { key: keyA, method: 'POST', body: { alert_id: alertId } });
    expect(none.status).toBe(200);
    expect(none.json).toEqual({ retried: 0 });
    expect((await call(retry.POST as Handler, '/api/v1/deliveries/retry', { key: keyB, method: 'POST', body: { alert_id: alertId } })).status).toBe(404);
    const channelOnly = await call(retry.POST as Handler, '/api/v1/deliveries/retry', { key: keyA, method: 'POST', body: { channel: 'C0ACMEALRT' } });
    expect(channelOnly.status).toBe(400);
    expect(channelOnly.json.error?.message).toBe('channel: needs alert_id: a channel names one delivery of an alert');
    expect((await call(retry.POST as Handler, '/api/v1/deliveries/retry', { jar: viewer, method: 'POST', body: {} })).status).toBe(403);
    expect((await call(retry.POST as Handler, '/api/v1/deliveries/retry', { jar: admin, method: 'POST', body: {} })).status).toBe(200);
  });

  it('reorders routes with PUT /api/v1/routes/order, refusing a list that is not every route once', async () => {
    const make = async (name: string) =>
      (await call(routes.POST as Handler, '/api/v1/routes', { key: keyA, method: 'POST', body: { name, event_types: ['order.*'], severities: ['critical'], channels: ['C0ACMEOPS1'] } })).json.id as string;
    const [a, b, c] = [await make('order a'), await make('order b'), await make('order c')];
    const ids = async () => ((await call(routes.GET as Handler, '/api/v1/routes', { key: keyA })).json.routes as Array<{ id: string }>).map((r) => r.id);
    const before = await ids();
    const wanted = [c, ...before.filter((id) => id !== c)];
    const reordered = await call(order.PUT as Handler, '/api/v1/routes/order', { key: keyA, method: 'PUT', body: { route_ids: wanted } });
    expect(reordered.status).toBe(200);
    expect((reordered.json.routes as Array<{ id: string; position: number }>).map((r) => r.id)).toEqual(wanted);
    expect(await ids()).toEqual(wanted);
    for (const bad of [wanted.slice(1), [...wanted, a], [...wanted.slice(0, -1), 'nope']]) {
      const refused = await call(order.PUT as Handler, '/api/v1/routes/order', { key: keyA, method: 'PUT', body: { route_ids: bad } });
      expect(refused.status).toBe(400);
    }
    // Another workspace's key sees its own (empty here) set of routes: Acme's ids are refused.
    expect((await call(order.PUT as Handler, '/api/v1/routes/order', { key: keyB, method: 'PUT', body: { route_ids: wanted } })).status).toBe(400);
    expect(await ids()).toEqual(wanted);
    for (const id of [a, b, c]) await call(route.DELETE as Handler, `/api/v1/routes/${id}`, { key: keyA, method: 'DELETE', params: { id } });
  });

  it('refuses an occurred_at far in the future and a pattern of repeated *, naming the field', async () => {
    const future = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ occurred_at: '9999-01-01T00:00:00Z' }) });
    expect(future.status).toBe(400);
    expect(future.json.error?.message).toMatch(/^occurred_at: must not be more than 24 hours in the future/);
    const stars = await call(routes.POST as Handler, '/api/v1/routes', { key: keyA, method: 'POST', body: { name: 'x', event_types: ['***'], severities: ['critical'], channels: ['C0ACMEOPS1'] } });
    expect(stars.status).toBe(400);
    expect(stars.json.error?.details?.map((d) => d.field)).toEqual(['event_types.0']);
  });

  it("gives a saved template and an alert's fields back in the order they were written (jsonb re-sorted their keys)", async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '{{title}}' }, block_id: 'b' }, { type: 'context', elements: [{ type: 'mrkdwn', text: '{{severity}}' }] }];
    const created = await call(templates.POST as Handler, '/api/v1/templates', { key: keyA, method: 'POST', body: { name: 'Ordered keys', blocks } });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const read = await call(template.GET as Handler, `/api/v1/templates/${id}`, { key: keyA, params: { id } });
    expect(JSON.stringify(read.json.blocks)).toBe(JSON.stringify(blocks));
    const sent = await call(alerts.POST as Handler, '/api/v1/alerts', { key: keyA, method: 'POST', body: trigger({ fields: { service: 'checkout', az: 'eu-1', build: 42 } }) });
    const alertId = sent.json.id as string;
    const shown = await call(alert.GET as Handler, `/api/v1/alerts/${alertId}`, { key: keyA, params: { id: alertId } });
    expect(Object.keys(shown.json.fields as object)).toEqual(['service', 'az', 'build']);
  });

  it('validates templates where they are wrong and previews them as Slack will render them', async () => {
    const invalid = await call(templates.POST as Handler, '/api/v1/templates', { key: keyA, method: 'POST', body: { name: 'Bad', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: '{{nope}}' } }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error?.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['blocks.0.text.type']));
    const rendered = await call(preview.POST as Handler, '/api/v1/templates/preview', {
      key: keyA,
      method: 'POST',
      body: { severity: 'warning', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello {{title}} & <b>' } }], alert: { title: 'A < B' } },
    });
    expect(rendered.status).toBe(200);
    const blocks = JSON.stringify(rendered.json.blocks);
    // Values are escaped for mrkdwn; the template's own markup is kept as written.
    expect(blocks).toContain('Hello A &lt; B & <b>');
    expect(blocks).toContain('klaxon_actions');
  });
});
