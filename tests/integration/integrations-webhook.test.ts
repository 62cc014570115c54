// Integrations: the management API (route handlers, real PostgreSQL), the generic JSON webhook over real HTTP to
// the node:http intake (Sentry and Datadog presets on their published payloads, a custom mapping, HMAC, Amazon
// SNS in front of CloudWatch, token rotation), and the drop-in formats reading their integration's settings
// (Alertmanager's event type label and severity map, Grafana's HMAC signature, Opsgenie's priorities).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as integrationsRoute from '@/app/api/v1/integrations/route';
import * as integrationRoute from '@/app/api/v1/integrations/[id]/route';
import * as rotateRoute from '@/app/api/v1/integrations/[id]/rotate/route';
import * as testRoute from '@/app/api/v1/integrations/[id]/test/route';
import * as previewRoute from '@/app/api/v1/integrations/preview/route';
import { db, sql } from '@/lib/db';
import { useSnsCertificateFetcher } from '@/lib/integrations/sns-signature';
import { rotateTokenKey } from '@/lib/crypto/rotate-token-key';
import { currentKeyId } from '@/lib/crypto/token-cipher';
import { env, provideEnv } from '@/lib/env';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { fixture } from '../support/integration-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSlackAppServer, type SlackAppServer } from '../support/slack-app-server';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';
import { signSnsEnvelope, TEST_SNS_CERT_URL, TEST_SNS_CERTIFICATE } from '../support/sns-signer';

const ALERTS = 'C0ACMEALRT';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let worker: Worker;
let adminKey: string;
let otherKey: string;
let workspaceId: string;

async function call(handler: unknown, path: string, init: { key?: string; method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers = new Headers({ 'content-type': 'application/json', authorization: `Bearer ${init.key ?? adminKey}` });
  const request = new Request(`${env().appUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const response = await (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as Json };
}

const create = (body: unknown) => call(integrationsRoute.POST, '/api/v1/integrations', { method: 'POST', body });

function send(path: string, body: unknown, headers: Record<string, string> = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
}

const pathOf = (url: unknown) => new URL(url as string).pathname;
const alertByKey = (dedupKey: string) => db().alert.findFirst({ where: { workspaceId, dedupKey }, orderBy: { createdAt: 'desc' } });
const integrationRow = (id: unknown) => db().integration.findUniqueOrThrow({ where: { id: id as string } });
const hex = (secret: string, text: string, algorithm = 'sha256') => createHmac(algorithm, secret).update(text).digest('hex');

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  workspaceId = workspaces.acme.id;
  await installWorkspace(workspaceId, 'U0ACMEOWN1');
  await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
  ({ key: adminKey } = await keyScope(workspaceId));
  ({ key: otherKey } = await keyScope(workspaces.globex.id));
  await addRoute(workspaceId, { eventTypes: ['*'], severities: ['critical', 'error', 'warning', 'info'], channelIds: [ALERTS] });
  app = await startSlackAppServer();
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await app.settled();
  await app.close();
  await emulator.close();
  await dropOwnDatabase();
});

describe('the integrations API', () => {
  it('creates a webhook integration whose URL token is shown once, stored hashed, and listed by prefix only', async () => {
    const created = await create({ kind: 'webhook', name: 'Sentry', preset: 'sentry' });
    expect(created.status).toBe(201);
    expect(created.json.token).toMatch(/^klx_hook_[A-Za-z0-9]{32}$/);
    expect(created.json.url).toBe(`${env().appUrl}/api/v1/integrations/webhook/${created.json.token as string}`);
    expect(created.json).toMatchObject({ kind: 'webhook', preset: 'sentry', mapping: { title: '{{data.event.title || data.description_title}}' }, last_event: null });
    const row = await integrationRow(created.json.id);
    expect(row.tokenHash).not.toContain(created.json.token as string);
    const listed = await call(integrationsRoute.GET, '/api/v1/integrations');
    expect(JSON.stringify(listed.json)).not.toContain(created.json.token as string);
    expect((listed.json.integrations as Json[])[0]).toMatchObject({ id: created.json.id, token_prefix: (created.json.token as string).slice(0, 13) });
  });

  it('gives a drop-in integration its own alerts:write key, and refuses settings of another kind, a taken name, another workspace', async () => {
    const created = await create({ kind: 'alertmanager', name: 'Prometheus prod', event_type_label: 'service', severity_map: { PAGE: 'info' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ url: `${env().appUrl}/api/v1/integrations/alertmanager`, event_type_label: 'service', severity_map: { page: 'info' } });
    expect(created.json.key).toMatch(/^klx_live_/);
    const key = await db().apiKey.findFirstOrThrow({ where: { integration: { id: created.json.id as string } } });
    expect(key.scopes).toEqual(['alerts:write']);
    expect((await create({ kind: 'alertmanager', name: 'Prometheus prod' })).status).toBe(409);
    expect((await create({ kind: 'pagerduty', name: 'x', severity_map: { a: 'info' } })).json.error?.message).toMatch(/severity_map/);
    expect((await create({ kind: 'webhook', name: 'no mapping' })).json.error?.message).toMatch(/^mapping/);
    expect((await create({ kind: 'nagios', name: 'x' })).json.error?.message).toMatch(/kind: must be one of/);
    const patch = await call(integrationRoute.PATCH, '/api/v1/integrations/x', { method: 'PATCH', params: { id: created.json.id as string }, body: { mapping: { title: 'x' } } });
    expect(patch.status).toBe(400);
    expect(patch.json.error?.message).toMatch(/not a setting of a alertmanager integration/);
    expect((await call(integrationRoute.GET, '/api/v1/integrations/x', { key: otherKey, params: { id: created.json.id as string } })).status).toBe(404);
  });

  it("renames its own key with it: the API keys list and the alerts' actor follow the new name at once", async () => {
    const created = await create({ kind: 'opsgenie', name: 'Opsgenie before' });
    const key = created.json.key as string;
    const sendAs = (alias: string) => send('/api/v1/integrations/opsgenie/v2/alerts', { message: 'Disk full', alias }, { authorization: `GenieKey ${key}` });
    expect((await sendAs('rename-1')).status).toBe(202);
    const renamed = await call(integrationRoute.PATCH, '/api/v1/integrations/x', { method: 'PATCH', params: { id: created.json.id as string }, body: { name: 'Opsgenie after' } });
    expect(renamed.status).toBe(200);
    expect(await db().apiKey.findFirstOrThrow({ where: { integration: { id: created.json.id as string } } })).toMatchObject({ name: 'Integration: Opsgenie after' });
    expect((await sendAs('rename-2')).status).toBe(202);
    const actorOf = async (dedupKey: string) => (await db().alertActivity.findFirstOrThrow({ where: { alertId: (await alertByKey(dedupKey))!.id, kind: 'triggered' } })).actorName;
    expect(await actorOf('rename-1')).toBe('Integration: Opsgenie before');
    expect(await actorOf('rename-2')).toBe('Integration: Opsgenie after');
    // A taken name renames neither.
    await create({ kind: 'opsgenie', name: 'Opsgenie taken' });
    expect((await call(integrationRoute.PATCH, '/api/v1/integrations/x', { method: 'PATCH', params: { id: created.json.id as string }, body: { name: 'Opsgenie taken' } })).status).toBe(409);
    expect(await db().apiKey.findFirstOrThrow({ where: { integration: { id: created.json.id as string } } })).toMatchObject({ name: 'Integration: Opsgenie after' });
  });

  it('previews a mapping on a pasted body without storing anything', async () => {
    const preview = await call(previewRoute.POST, '/api/v1/integrations/preview', { method: 'POST', body: { preset: 'datadog', sample: fixture('datadog-webhook') } });
    expect(preview.status).toBe(200);
    expect(preview.json.alert).toMatchObject({ action: 'trigger', event_type: 'datadog.metric_alert_monitor', severity: 'error', title: '[Triggered] CPU above 90% on web-3', dedup_key: 'datadog/ab12cd34ef56' });
    const bad = await call(previewRoute.POST, '/api/v1/integrations/preview', { method: 'POST', body: { mapping: { title: '{{x}}', nonsense: 1 }, sample: {} } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/mapping.nonsense: is not a known field/);
    expect(await db().alert.count({ where: { workspaceId, dedupKey: 'datadog/ab12cd34ef56' } })).toBe(0);
  });
});

describe('the JSON webhook', () => {
  it("maps Sentry's published issue alert by the preset and posts it to Slack like a native alert", async () => {
    const created = await create({ kind: 'webhook', name: 'Sentry frontend', preset: 'sentry' });
    const response = await send(pathOf(created.json.url), fixture('sentry-issue-alert'));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'triggered', dedup_key: 'sentry/1117540176' });
    const alert = await alertByKey('sentry/1117540176');
    expect(alert).toMatchObject({
      eventType: 'sentry.javascript',
      severity: 'error',
      title: 'ReferenceError: heck is not defined',
      description: '?(<anonymous>)',
      source: 'sentry',
      fields: { rule: 'Very Important Alert Rule!!!', project: 1, level: 'error', culprit: '?(<anonymous>)' },
      links: [{ text: 'Open in Sentry', url: 'https://sentry.io/organizations/test-org/issues/1117540176/events/9fac2ceed9344f2bbfdd1fdacb0ed9b1/' }],
    });
    await waitFor(() => emulator.state.messages(ALERTS).some((message) => JSON.stringify(message.blocks ?? []).includes(alert!.id)), 10_000, 'the Sentry alert posted');
    // Sentry re-sends the same issue: one alert, bumped, not a second post.
    expect((await send(pathOf(created.json.url), fixture('sentry-issue-alert'))).status).toBe(202);
    expect(await db().alert.count({ where: { workspaceId, dedupKey: 'sentry/1117540176' } })).toBe(1);
    expect(await alertByKey('sentry/1117540176')).toMatchObject({ occurrences: 2 });
    await waitFor(async () => (await integrationRow(created.json.id)).lastEventStatus === 202, 5_000, 'the last event noted');
  });

  it("maps Datadog's payload by the preset: a trigger, then its recovery resolves it", async () => {
    const created = await create({ kind: 'webhook', name: 'Datadog', preset: 'datadog' });
    const path = pathOf(created.json.url);
    expect((await send(path, fixture('datadog-webhook'))).status).toBe(202);
    expect(await alertByKey('datadog/ab12cd34ef56')).toMatchObject({ severity: 'error', status: 'triggered', source: 'datadog/Acme', fields: { host: 'web-3', transition: 'Triggered' } });
    const recovered = { ...fixture('datadog-webhook'), alert_transition: 'Recovered', title: '[Recovered] CPU above 90% on web-3' };
    expect((await send(path, recovered)).status).toBe(202);
    expect(await alertByKey('datadog/ab12cd34ef56')).toMatchObject({ status: 'resolved' });
  });

  it('maps by a custom mapping with constants and the integration severity map; an unknown word is warning, said', async () => {
    const created = await create({
      kind: 'webhook',
      name: 'Deploy bot',
      severity_map: { sev1: 'critical' },
      mapping: { event_type: 'deploy.{{result}}', title: 'Deploy of {{app.name}} {{result}}', severity: '{{level}}', dedup_key: 'deploy/{{app.name}}', fields: { attempts: '{{attempts}}', team: 'platform' } },
    });
    const path = pathOf(created.json.url);
    expect((await send(path, { app: { name: 'checkout' }, result: 'failed', level: 'SEV1', attempts: 3 })).status).toBe(202);
    expect(await alertByKey('deploy/checkout')).toMatchObject({ eventType: 'deploy.failed', title: 'Deploy of checkout failed', severity: 'critical', fields: { attempts: 3, team: 'platform' } });
    expect((await send(path, { app: { name: 'billing' }, result: 'failed', level: 'meh' })).status).toBe(202);
    expect(await alertByKey('deploy/billing')).toMatchObject({ severity: 'warning', fields: { severity: 'meh (not a Klaxon severity: shown as warning)' } });
    const broken = await send(path, '{"app": ');
    expect(broken.status).toBe(400);
    await waitFor(async () => (await integrationRow(created.json.id)).lastEventStatus === 400, 5_000, 'the refusal noted');
    expect((await integrationRow(created.json.id)).lastEventResult).toMatch(/JSON/);
  });

  it('checks an HMAC signature when the integration has a secret, refusing unsigned or tampered bodies', async () => {
    const secret = 'sentry-client-secret-1';
    const created = await create({ kind: 'webhook', name: 'Signed Sentry', preset: 'sentry', hmac: { secret, header: 'Sentry-Hook-Signature' } });
    expect(created.json.hmac).toEqual({ header: 'Sentry-Hook-Signature', algorithm: 'sha256', encoding: 'hex', has_secret: true });
    const path = pathOf(created.json.url);
    const body = JSON.stringify({ ...fixture<{ data: { event: Record<string, unknown> } }>('sentry-issue-alert'), data: { event: { issue_id: 'signed-1', title: 'Signed', level: 'error' } } });
    expect((await send(path, body)).status).toBe(401);
    expect((await send(path, body, { 'Sentry-Hook-Signature': hex(secret, `${body} `) })).status).toBe(401);
    expect(await alertByKey('sentry/signed-1')).toBeNull();
    expect((await send(path, body, { 'Sentry-Hook-Signature': hex(secret, body) })).status).toBe(202);
    expect(await alertByKey('sentry/signed-1')).toMatchObject({ title: 'Signed' });
  });

  it('keeps the HMAC secret sealed, and npm run rotate-key re-seals it under a new key', async () => {
    const secret = 'rotated-hmac-secret';
    const created = await create({ kind: 'webhook', name: 'Sealed', mapping: { title: '{{t}}', dedup_key: '{{k}}' }, hmac: { secret } });
    const before = await integrationRow(created.json.id);
    expect(JSON.stringify(before)).not.toContain(secret);
    const oldKey = env().tokenEncryptionKey.toString('base64');
    provideEnv({ TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 77).toString('base64'), TOKEN_ENCRYPTION_PREVIOUS_KEYS: oldKey });
    try {
      expect(await rotateTokenKey()).toBeGreaterThanOrEqual(1);
      expect((await integrationRow(created.json.id)).secretKeyId).toBe(currentKeyId());
      const body = JSON.stringify({ t: 'sealed', k: 'sealed-1' });
      // A settings change drops the cached secret: the next request opens it under the new key alone.
      await call(integrationRoute.PATCH, '/api/v1/integrations/x', { method: 'PATCH', params: { id: created.json.id as string }, body: { name: 'Sealed (rotated)' } });
      provideEnv({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: '' });
      const answer = await send(pathOf(created.json.url), body, { 'X-Signature': hex(secret, body) });
      expect(await answer.text()).toContain('sealed-1');
      expect(answer.status).toBe(202);
    } finally {
      provideEnv({ TOKEN_ENCRYPTION_KEY: oldKey, TOKEN_ENCRYPTION_PREVIOUS_KEYS: Buffer.alloc(32, 77).toString('base64') });
      await rotateTokenKey();
      provideEnv({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: '' });
    }
  });

  it('refuses an unknown token; rotating the URL ends the old one', async () => {
    const created = await create({ kind: 'webhook', name: 'Rotated', mapping: { title: '{{title}}', dedup_key: '{{id}}' } });
    expect((await send('/api/v1/integrations/webhook/klx_hook_nope', { title: 'x' })).status).toBe(401);
    const rotated = await call(rotateRoute.POST, '/api/v1/integrations/x/rotate', { method: 'POST', params: { id: created.json.id as string } });
    expect(rotated.json.token).toMatch(/^klx_hook_/);
    expect((await send(pathOf(created.json.url), { title: 'old', id: 'rot-1' })).status).toBe(401);
    expect((await send(pathOf(rotated.json.url), { title: 'new', id: 'rot-2' })).status).toBe(202);
    expect(await alertByKey('rot-1')).toBeNull();
  });

  it('behind Amazon SNS: believes only signed messages, confirms only an SNS SubscribeURL, maps a CloudWatch alarm, and resolves on OK', async () => {
    const fetched: string[] = [];
    useSnsCertificateFetcher((url) => {
      fetched.push(url);
      return url === TEST_SNS_CERT_URL ? Promise.resolve(TEST_SNS_CERTIFICATE) : Promise.reject(new Error('HTTP 404'));
    });
    const created = await create({ kind: 'webhook', name: 'CloudWatch', preset: 'cloudwatch' });
    const path = pathOf(created.json.url);
    const forged = signSnsEnvelope({ ...fixture('sns-subscription-confirmation'), SubscribeURL: `${app.url}/steal` });
    const refused = await send(path, forged, { 'x-amz-sns-message-type': 'SubscriptionConfirmation' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error?.message).toMatch(/SubscribeURL/);
    const alarm = fixture<{ Message: string }>('sns-cloudwatch-alarm');
    const arn = 'arn:aws:cloudwatch:us-west-2:123456789012:alarm:HighCPU-web';
    // The published example's signature, a body changed after signing, and a body disowning SNS's header: all 401, nothing stored.
    const unsigned = { ...alarm, SigningCertURL: TEST_SNS_CERT_URL };
    for (const [body, type] of [[unsigned, 'Notification'], [{ ...signSnsEnvelope(alarm), Subject: 'changed' }, 'Notification'], [unsigned, 'Other']] as const) {
      const answer = await send(path, body, { 'x-amz-sns-message-type': type });
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as Json).error?.message).toMatch(/^Amazon SNS signature/);
    }
    expect(await alertByKey(arn)).toBeNull();
    expect((await send(path, signSnsEnvelope(alarm, '1'), { 'x-amz-sns-message-type': 'Notification' })).status).toBe(202);
    expect(await alertByKey(arn)).toMatchObject({ eventType: 'cloudwatch.AWS/EC2', title: 'HighCPU-web: ALARM', severity: 'error', status: 'triggered', fields: { metric: 'CPUUtilization' } });
    const ok = signSnsEnvelope({ ...alarm, Message: alarm.Message.replace('"NewStateValue":"ALARM"', '"NewStateValue":"OK"') });
    expect((await send(path, ok, { 'x-amz-sns-message-type': 'Notification' })).status).toBe(202);
    expect(await alertByKey(arn)).toMatchObject({ status: 'resolved' });
    // The certificate was fetched once, from the SNS URL only.
    expect(fetched).toEqual([TEST_SNS_CERT_URL]);
  });

  it('takes a JSON array as a batch: one alert per element, stored in one statement; a bad element names itself', async () => {
    const created = await create({ kind: 'webhook', name: 'Batch', mapping: { title: '{{title}}', dedup_key: '{{id}}', status: '{{state}}', severity: 'info' } });
    const path = pathOf(created.json.url);
    const elements = Array.from({ length: 20 }, (_, index) => ({ title: `Disk ${index} full`, id: `batch/disk-${index}` }));
    const response = await send(path, elements);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { alerts: Array<{ id: string; dedup_key: string; status: string }> };
    expect(answer.alerts.map((alert) => alert.dedup_key)).toEqual(elements.map((element) => element.id));
    const keys = answer.alerts.map((alert) => alert.dedup_key);
    // Every row written by one statement carries that statement's transaction id.
    const { rows } = await sql<{ transactions: number; alerts: number }>('SELECT count(DISTINCT xmin::text)::int AS transactions, count(*)::int AS alerts FROM alerts WHERE workspace_id = $1 AND dedup_key = ANY($2)', [workspaceId, keys]);
    expect(rows[0]).toEqual({ transactions: 1, alerts: 20 });
    await waitFor(async () => (await integrationRow(created.json.id)).lastEventResult === '20 alerts accepted', 5_000, 'the batch noted');
    // A resolve of one, a resolve of an alert never seen: one changed, one ignored, in the order sent.
    const mixed = await send(path, [{ id: 'batch/disk-0', state: 'resolved' }, { id: 'batch/never', state: 'resolved' }]);
    expect(((await mixed.json()) as { alerts: Array<{ status: string }> }).alerts.map((alert) => alert.status)).toEqual(['resolved', 'ignored']);
    const bad = await send(path, [{ title: 'fine', id: 'batch/ok-1' }, { state: 'resolved' }]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error?.message).toBe('the 2nd element of the array: dedup_key: the mapping found no dedup key, so the resolve cannot name an alert.');
    expect(await alertByKey('batch/ok-1')).toBeNull();
    const tooMany = await send(path, Array.from({ length: 1001 }, () => ({ title: 't', id: 'i' })));
    expect(((await tooMany.json()) as Json).error?.message).toMatch(/at most 1000 alerts/);
  });

  it("sends a test event through the integration's own mapping, and notes it as the last event", async () => {
    const created = await create({ kind: 'webhook', name: 'Datadog test', preset: 'datadog' });
    const sent = await call(testRoute.POST, '/api/v1/integrations/x/test', { method: 'POST', params: { id: created.json.id as string } });
    expect(sent.status).toBe(202);
    const [alert] = sent.json.alerts as Array<{ id: string; dedup_key: string }>;
    expect(await db().alert.findUnique({ where: { id: alert!.id } })).toMatchObject({ title: 'Test: [Triggered] CPU above 90% on web-3', eventType: 'datadog.metric_alert_monitor' });
    await waitFor(async () => (await integrationRow(created.json.id)).lastEventResult?.startsWith('Test event'), 5_000, 'the test noted');
    const shown = await call(integrationRoute.GET, '/api/v1/integrations/x', { params: { id: created.json.id as string } });
    expect(shown.json.last_event).toMatchObject({ status: 202, result: 'Test event: 1 alert accepted' });
  });
});

describe('drop-in formats with their integration settings', () => {
  const amAlert = (fingerprint: string, labels: Record<string, string>) => ({
    version: '4',
    status: 'firing',
    receiver: 'klaxon',
    truncatedAlerts: 0,
    alerts: [{ status: 'firing', labels, annotations: { summary: 'Latency high' }, fingerprint }],
  });

  it("Alertmanager: the integration's event type label and severity map; a plain key keeps the defaults", async () => {
    const created = await create({ kind: 'alertmanager', name: 'Prometheus staging', event_type_label: 'service', severity_map: { page: 'info' } });
    const labels = { alertname: 'HighLatency', service: 'checkout', severity: 'page' };
    expect((await send('/api/v1/integrations/alertmanager', amAlert('am-int-1', labels), { authorization: `Bearer ${created.json.key as string}` })).status).toBe(200);
    expect(await alertByKey('am-int-1')).toMatchObject({ eventType: 'checkout', severity: 'info', fields: { alertname: 'HighLatency' } });
    expect((await send('/api/v1/integrations/alertmanager', amAlert('am-int-2', labels), { authorization: `Bearer ${adminKey}` })).status).toBe(200);
    expect(await alertByKey('am-int-2')).toMatchObject({ eventType: 'HighLatency', severity: 'critical' });
    await waitFor(async () => (await integrationRow(created.json.id)).lastEventResult === '1 alert accepted', 5_000, 'the last event noted');
  });

  it("Grafana: an integration with a secret checks X-Grafana-Alerting-Signature, with the timestamp variant", async () => {
    const secret = 'grafana-hmac-secret';
    const created = await create({ kind: 'grafana', name: 'Grafana', hmac: { secret, timestamp_header: 'X-Grafana-Alerting-Signature-Timestamp' } });
    const auth = { authorization: `Bearer ${created.json.key as string}` };
    const body = JSON.stringify({ ...fixture<{ alerts: Array<Record<string, unknown>> }>('grafana-notification'), alerts: [{ ...fixture<{ alerts: Array<Record<string, unknown>> }>('grafana-notification').alerts[0], fingerprint: 'grafana-hmac-1' }] });
    const now = String(Math.floor(Date.now() / 1000));
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await send('/api/v1/integrations/grafana', body, auth)).status).toBe(401);
    expect((await send('/api/v1/integrations/grafana', body, { ...auth, 'X-Grafana-Alerting-Signature': hex(secret, `${stale}:${body}`), 'X-Grafana-Alerting-Signature-Timestamp': stale })).status).toBe(401);
    expect((await send('/api/v1/integrations/grafana', body, { ...auth, 'X-Grafana-Alerting-Signature': hex(secret, body), 'X-Grafana-Alerting-Signature-Timestamp': now })).status).toBe(401);
    expect(await alertByKey('grafana-hmac-1')).toBeNull();
    expect((await send('/api/v1/integrations/grafana', body, { ...auth, 'X-Grafana-Alerting-Signature': hex(secret, `${now}:${body}`), 'X-Grafana-Alerting-Signature-Timestamp': now })).status).toBe(200);
    expect(await alertByKey('grafana-hmac-1')).toMatchObject({ status: 'triggered' });
    // Without a secret (a plain key), Grafana's posts are not signed and need no signature.
    const unsigned = body.replace('grafana-hmac-1', 'grafana-hmac-2');
    expect((await send('/api/v1/integrations/grafana', unsigned, { authorization: `Bearer ${adminKey}` })).status).toBe(200);
  });

  it("Opsgenie: the integration's severity map reads the priorities", async () => {
    const created = await create({ kind: 'opsgenie', name: 'Opsgenie', severity_map: { P1: 'error' } });
    const response = await send('/api/v1/integrations/opsgenie/v2/alerts', { message: 'Disk full', alias: 'og-int-1', priority: 'P1' }, { authorization: `GenieKey ${created.json.key as string}` });
    expect(response.status).toBe(202);
    expect(await alertByKey('og-int-1')).toMatchObject({ severity: 'error' });
  });

  it('a deleted integration stops: its key is revoked', async () => {
    const created = await create({ kind: 'pagerduty', name: 'PagerDuty old' });
    expect((await call(integrationRoute.DELETE, '/api/v1/integrations/x', { method: 'DELETE', params: { id: created.json.id as string } })).status).toBe(204);
    const event = { routing_key: created.json.key, event_action: 'trigger', dedup_key: 'pd-deleted', payload: { summary: 'x', source: 'y', severity: 'info' } };
    expect((await send('/api/v1/integrations/pagerduty/v2/enqueue', event)).status).toBe(401);
    expect(await alertByKey('pd-deleted')).toBeNull();
  });
});
