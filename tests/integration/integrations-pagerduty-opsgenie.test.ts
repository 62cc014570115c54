// PagerDuty's and Opsgenie's own npm clients pointed at Klaxon: @pagerduty/pdjs (https only, so through a local
// TLS front with a certificate made here) and opsgenie-sdk over plain HTTP, both served by Klaxon's node:http
// intake; they trigger, acknowledge and resolve, and read Klaxon's answers and errors as their services' own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acknowledge, event, resolve, trigger } from '@pagerduty/pdjs';
import type { EventParameters } from '@pagerduty/pdjs/build/src/events';
import opsgenie from 'opsgenie-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { db } from '@/lib/db';
import { serveFastPath } from '@/lib/http/node-route';
import { keyScope } from '../support/alert-fixtures';
import { fixture } from '../support/integration-fixtures';
import { installWorkspace } from '../support/install-flow';
import { startSlackAppServer, type SlackAppServer } from '../support/slack-app-server';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let tls: https.Server;
let certDir: string;
let key: string;
let workspaceId: string;
let pdServer: string;

// pdjs's types ask for a payload even to acknowledge, and allow no invalid event: send what a caller would.
const pd = (send: (parameters: EventParameters) => ReturnType<typeof event>, data: Record<string, unknown>) => send({ server: pdServer, data: data as unknown as EventParameters['data'] });
const anyNumber: unknown = expect.any(Number);
const anyString: unknown = expect.any(String);

const alertByKey = (dedupKey: string) => db().alert.findFirst({ where: { workspaceId, dedupKey }, orderBy: { createdAt: 'desc' } });

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  workspaceId = workspaces.acme.id;
  await installWorkspace(workspaceId, 'U0ACMEOWN1');
  ({ key } = await keyScope(workspaceId));
  app = await startSlackAppServer();
  certDir = mkdtempSync(path.join(tmpdir(), 'klaxon-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem')], { stdio: 'ignore' });
  tls = https.createServer({ key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')) }, (req, res) => void serveFastPath(req, res));
  await new Promise<void>((done) => tls.listen(0, '127.0.0.1', done));
  // pdjs builds https://{server}/v2/enqueue; its certificate check is off in this test process only.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  pdServer = `127.0.0.1:${(tls.address() as AddressInfo).port}/api/v1/integrations/pagerduty`;
  opsgenie.configure({ api_key: key, host: `${app.url}/api/v1/integrations/opsgenie`, maxAttempts: 1 });
});
afterAll(async () => {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  await new Promise((done) => tls.close(done));
  rmSync(certDir, { recursive: true, force: true });
  await app.settled();
  await app.close();
  await emulator.close();
});

describe('PagerDuty Events API v2 through @pagerduty/pdjs', () => {
  it('triggers (the published example), acknowledges and resolves by dedup_key, answered as PagerDuty does', async () => {
    const data = { ...fixture('pagerduty-trigger'), routing_key: key, dedup_key: 'pd-disk-prod-datapipe03' };
    const triggered = await pd(event, data);
    expect(triggered.status).toBe(202);
    expect(triggered.data).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'pd-disk-prod-datapipe03' });
    expect(await alertByKey('pd-disk-prod-datapipe03')).toMatchObject({
      eventType: 'disk',
      severity: 'critical',
      title: 'DISK at 99% on machine prod-datapipe03.example.com',
      source: 'prod-datapipe03.example.com',
      status: 'triggered',
      fields: { source: 'prod-datapipe03.example.com', component: 'mysql', group: 'prod-datapipe', 'free space': '1%', 'ping time': '1500ms', 'load avg': 0.75 },
      links: [
        { text: 'Link text', url: 'https://example.com/' },
        { text: 'Example text', url: 'https://example.com/' },
        { text: 'Sample Monitoring Service', url: 'https://monitoring.example.com' },
      ],
    });
    const acknowledged = await pd(acknowledge, { routing_key: key, dedup_key: 'pd-disk-prod-datapipe03' });
    expect(acknowledged.data).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'pd-disk-prod-datapipe03' });
    expect(await alertByKey('pd-disk-prod-datapipe03')).toMatchObject({ status: 'acknowledged' });
    const resolved = await pd(resolve, { routing_key: key, dedup_key: 'pd-disk-prod-datapipe03' });
    expect(resolved.status).toBe(202);
    expect(await alertByKey('pd-disk-prod-datapipe03')).toMatchObject({ status: 'resolved' });
  });

  it('gives a trigger without dedup_key a key of its own, and answers it', async () => {
    const answer = await pd(trigger, { routing_key: key, payload: { summary: 'Queue backlog', source: 'worker-3', severity: 'warning' } });
    expect(answer.status).toBe(202);
    const dedupKey = (answer.data as { dedup_key: string }).dedup_key;
    expect(await alertByKey(dedupKey)).toMatchObject({ eventType: 'pagerduty', severity: 'warning', title: 'Queue backlog' });
  });

  it('answers an invalid event with 400 "invalid event" and its errors, and a wrong routing_key with a 4xx, storing nothing', async () => {
    const invalid = await pd(trigger, { routing_key: key, dedup_key: 'pd-invalid', payload: { summary: 'x', source: 'y', severity: 'fatal' } });
    expect(invalid.status).toBe(400);
    expect(invalid.data).toEqual({ status: 'invalid event', message: 'Event object is invalid', errors: [expect.stringMatching(/^payload\.severity: must be one of/)] });
    const noPayload = await pd(trigger, { routing_key: key, dedup_key: 'pd-invalid' });
    expect(noPayload.data).toMatchObject({ status: 'invalid event', errors: ['payload: is required for a trigger'] });
    const wrongKey = await pd(trigger, { routing_key: 'not-a-klaxon-key', dedup_key: 'pd-invalid', payload: { summary: 'x', source: 'y', severity: 'info' } });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.data).toMatchObject({ status: 'error', errors: [anyString] });
    const noKey = await pd(trigger, { dedup_key: 'pd-invalid', payload: { summary: 'x', source: 'y', severity: 'info' } });
    expect(noKey.status).toBe(401);
    expect(noKey.data).toMatchObject({ errors: [expect.stringMatching(/routing_key/)] });
    expect(await alertByKey('pd-invalid')).toBeNull();
  });
});

type Callback = Parameters<typeof opsgenie.alertV2.create>[1];
const { alertV2 } = opsgenie;

function call(start: (callback: Callback) => void): Promise<{ error: Parameters<Callback>[0]; result: Parameters<Callback>[1] }> {
  return new Promise((done) => start((error, result) => done({ error, result })));
}

const accepted = { result: 'Request will be processed', took: anyNumber, requestId: anyString };

describe('the Opsgenie Alert API v2 through opsgenie-sdk', () => {
  it('creates (the published example), acknowledges and closes by alias, answered 202 as Opsgenie does', async () => {
    const created = await call((callback) => alertV2.create(fixture('opsgenie-create'), callback));
    expect(created).toEqual({ error: null, result: accepted });
    const alias = 'Life is too short for no alias';
    expect(await alertByKey(alias)).toMatchObject({
      eventType: 'opsgenie',
      severity: 'critical',
      title: 'An example alert message',
      description: 'Every alert needs a description',
      fields: { priority: 'P1', tags: 'OverwriteQuietHours, Critical', responders: 'team:4513b7ea-3b91-438f-b7e4-e3e54af9147c, team:NOC, user:trinity@opsgenie.com', entity: 'An example entity', key1: 'value1', key2: 'value2' },
    });
    expect(await call((callback) => alertV2.acknowledge({ identifier: alias, identifierType: 'alias' }, { note: 'on it' }, callback))).toEqual({ error: null, result: accepted });
    expect(await alertByKey(alias)).toMatchObject({ status: 'acknowledged' });
    expect(await call((callback) => alertV2.close({ identifier: alias, identifierType: 'alias' }, {}, callback))).toEqual({ error: null, result: accepted });
    expect(await alertByKey(alias)).toMatchObject({ status: 'resolved' });
  });

  it('closes by alert id, and maps P2–P5', async () => {
    for (const [priority, severity] of [['P2', 'error'], ['P3', 'warning'], ['P4', 'info'], ['P5', 'info']] as const) {
      await call((callback) => alertV2.create({ message: `prio ${priority}`, alias: `og-${priority}`, priority }, callback));
      expect(await alertByKey(`og-${priority}`)).toMatchObject({ severity });
    }
    const alert = (await alertByKey('og-P2'))!;
    expect(await call((callback) => alertV2.close({ identifier: alert.id, identifierType: 'id' }, {}, callback))).toEqual({ error: null, result: accepted });
    expect(await db().alert.findUnique({ where: { id: alert.id } })).toMatchObject({ status: 'resolved' });
  });

  it('answers a bad request and a bad key in Opsgenie\'s error shape, storing nothing', async () => {
    const invalid = await call((callback) => alertV2.create({ alias: 'og-invalid', priority: 'P9' }, callback));
    expect(invalid.result).toBeNull();
    expect(invalid.error).toMatchObject({ httpStatusCode: 400, message: anyString, took: anyNumber, requestId: anyString, errors: { message: anyString, priority: anyString } });
    opsgenie.configure({ api_key: 'wrong' });
    const refused = await call((callback) => alertV2.create({ message: 'x', alias: 'og-invalid' }, callback));
    opsgenie.configure({ api_key: key });
    expect(refused.error).toMatchObject({ httpStatusCode: 401, message: 'Could not authenticate', requestId: anyString });
    expect(await alertByKey('og-invalid')).toBeNull();
  });
});
