// Alertmanager's webhook end to end: a real Alertmanager (Debian's prometheus-alertmanager) delivering firing and
// resolved alerts to Klaxon's node:http intake over real HTTP, posted to the Slack emulator by the worker; and the
// payload's mapping, dedup of re-sent notifications, one statement per notification, and refusals.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { db, sql } from '@/lib/db';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { fixture } from '../support/integration-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSlackAppServer, type SlackAppServer } from '../support/slack-app-server';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

const ALERTS = 'C0ACMEALRT';
const PATH = '/api/v1/integrations/alertmanager';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let worker: Worker;
let key: string;
let workspaceId: string;

type Notification = ReturnType<typeof notification>;
type AmAlert = Notification['alerts'][number];

function notification() {
  return fixture<{ alerts: Array<{ status: string; labels: Record<string, string>; annotations: Record<string, string>; fingerprint: string; generatorURL: string; startsAt: string }>; truncatedAlerts: number; status: string }>('alertmanager-notification');
}

function withAlerts(alerts: AmAlert[], changes: Partial<Notification> = {}): Notification {
  return { ...notification(), ...changes, alerts };
}

function post(body: unknown, authorization: string | null = `Bearer ${key}`) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return fetch(`${app.url}${PATH}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const alertByKey = (dedupKey: string) => db().alert.findFirst({ where: { workspaceId, dedupKey }, orderBy: { createdAt: 'desc' } });
const postsOf = (alertId: string) => emulator.state.messages(ALERTS).filter((message) => JSON.stringify(message.blocks ?? []).includes(alertId));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  workspaceId = workspaces.acme.id;
  await installWorkspace(workspaceId, 'U0ACMEOWN1');
  ({ key } = await keyScope(workspaceId));
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

describe('the Alertmanager webhook', () => {
  it('maps an alert: alertname → event type, severity words, summary, description, links, labels as fields', async () => {
    const body = notification();
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ alerts: 1 });
    const alert = await alertByKey('c6b3e4a1f2d5e6f7');
    expect(alert).toMatchObject({
      eventType: 'HighLatency',
      severity: 'critical', // "page" by the default severity map
      title: 'p99 latency above 500ms on api-1',
      description: 'The 99th percentile of request latency on api-1 has been above 500ms for 10 minutes.',
      source: 'alertmanager/klaxon',
      status: 'triggered',
      fields: { instance: 'api-1:9090', job: 'api', service: 'checkout' },
      links: [
        { text: 'Runbook', url: 'https://runbooks.example.com/high-latency' },
        { text: 'Source', url: body.alerts[0]!.generatorURL },
      ],
    });
    expect(alert!.occurredAt.toISOString()).toBe('2026-12-02T10:00:00.000Z');
    await waitFor(() => postsOf(alert!.id).length === 1, 10_000, 'the post');
  });

  it('says so when the severity is unknown (shown as warning), falls back to alertname, and shows truncated alerts', async () => {
    const [base] = notification().alerts;
    const odd = { ...base!, fingerprint: 'odd0000000000001', labels: { alertname: 'Odd Name!', severity: 'sev-9' }, annotations: {} };
    expect((await post(withAlerts([odd], { truncatedAlerts: 7 }))).status).toBe(200);
    const alert = await alertByKey('odd0000000000001');
    expect(alert).toMatchObject({ eventType: 'Odd_Name_', severity: 'warning', title: 'Odd Name!' });
    expect(alert!.fields).toEqual({
      severity: 'sev-9 (not a Klaxon severity: shown as warning)',
      'truncated alerts': '7 more alerts of this group were not sent by Alertmanager',
    });
  });

  it('stores a notification of 50 alerts in one statement, and a re-sent notification never posts again', async () => {
    const [base] = notification().alerts;
    // Info, so the worker's per-channel pacing posts them after the other tests' critical alerts.
    const alerts = Array.from({ length: 50 }, (_, index) => ({ ...base!, fingerprint: `batch${String(index).padStart(11, '0')}`, labels: { ...base!.labels, alertname: 'LoadHigh', severity: 'info', instance: `host-${index}` } }));
    expect((await post(withAlerts(alerts))).status).toBe(200);
    const keys = alerts.map((alert) => alert.fingerprint);
    // Every row written by one statement carries that statement's transaction id.
    const { rows } = await sql<{ transactions: number; alerts: number }>(
      'SELECT count(DISTINCT xmin::text)::int AS transactions, count(*)::int AS alerts FROM alerts WHERE workspace_id = $1 AND dedup_key = ANY($2)',
      [workspaceId, keys],
    );
    expect(rows[0]).toEqual({ transactions: 1, alerts: 50 });
    const ids = (await db().alert.findMany({ where: { workspaceId, dedupKey: { in: keys } } })).map((alert) => alert.id);
    expect(await db().delivery.count({ where: { alertId: { in: ids } } })).toBe(50);

    expect((await post(withAlerts(alerts))).status).toBe(200);
    const after = await db().alert.findMany({ where: { workspaceId, dedupKey: { in: keys } } });
    expect(after.map((alert) => alert.id).sort()).toEqual([...ids].sort());
    expect(after.every((alert) => alert.occurrences === 2 && alert.status === 'triggered')).toBe(true);
    // Still one message per alert: the re-sent alerts are bumps of the same deliveries, never new posts.
    expect(await db().delivery.count({ where: { alertId: { in: ids } } })).toBe(50);
  });

  it('resolves on `status: resolved`, and a re-sent resolve (or one of an alert never seen) is accepted and changes nothing', async () => {
    const [base] = notification().alerts;
    const firing = { ...base!, fingerprint: 'resolve000000001' };
    await post(withAlerts([firing]));
    const resolved = { ...firing, status: 'resolved', endsAt: new Date().toISOString() };
    expect((await post(withAlerts([resolved], { status: 'resolved' }))).status).toBe(200);
    expect(await alertByKey('resolve000000001')).toMatchObject({ status: 'resolved' });
    const repeat = await post(withAlerts([resolved, { ...resolved, fingerprint: 'neverseen0000001' }], { status: 'resolved' }));
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual({ alerts: 0 });
    expect(await db().alert.count({ where: { workspaceId, dedupKey: 'resolve000000001' } })).toBe(1);
  });

  it('refuses a missing or wrong key with 401 and a malformed body with 400, storing nothing', async () => {
    const [base] = notification().alerts;
    const one = withAlerts([{ ...base!, fingerprint: 'refused000000001' }]);
    expect((await post(one, null)).status).toBe(401);
    expect((await post(one, 'Bearer klx_live_wrongwrongwrongwrongwrongwrongwr')).status).toBe(401);
    const wrongVersion = await post({ ...one, version: '3' });
    expect(wrongVersion.status).toBe(400);
    expect(((await wrongVersion.json()) as { error: { message: string } }).error.message).toMatch(/version/);
    expect((await post('{"version":"4","alerts":[')).status).toBe(400);
    expect((await post({ version: '4', alerts: [{ status: 'firing', labels: {} }] })).status).toBe(400);
    expect(await alertByKey('refused000000001')).toBeNull();
  });
});

describe('a real Alertmanager (prometheus-alertmanager 0.25)', () => {
  let alertmanager: ChildProcess;
  let dir: string;
  let amUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'klaxon-am-'));
    writeFileSync(
      path.join(dir, 'alertmanager.yml'),
      [
        'route:',
        '  receiver: klaxon',
        '  group_by: [alertname]',
        '  group_wait: 0s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: klaxon',
        '    webhook_configs:',
        `      - url: ${app.url}${PATH}`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        '            type: Bearer',
        `            credentials: ${key}`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    amUrl = `http://127.0.0.1:${port}`;
    alertmanager = spawn(
      '/usr/bin/prometheus-alertmanager',
      [`--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${dir}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'],
      { stdio: 'ignore' },
    );
    await waitFor(async () => (await fetch(`${amUrl}/-/ready`).catch(() => null))?.ok, 15_000, 'Alertmanager to be ready');
  });
  afterAll(async () => {
    const exited = new Promise((resolve) => alertmanager.once('exit', resolve));
    alertmanager.kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a firing alert to Slack through Klaxon, then its resolution', async () => {
    const labels = { alertname: 'DiskFull', severity: 'critical', instance: 'db-1' };
    const push = (endsAt?: string) =>
      fetch(`${amUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ labels, annotations: { summary: 'Disk full on db-1' }, generatorURL: 'http://prometheus.example.com/graph', ...(endsAt ? { endsAt } : {}) }]),
      });
    expect((await push()).status).toBe(200);
    const alert = await waitFor(() => db().alert.findFirst({ where: { workspaceId, eventType: 'DiskFull' } }), 20_000, 'the alert from Alertmanager');
    expect(alert).toMatchObject({ severity: 'critical', title: 'Disk full on db-1', fields: { instance: 'db-1' }, status: 'triggered' });
    expect(alert.dedupKey).toMatch(/^[0-9a-f]{16}$/); // Alertmanager's fingerprint
    await waitFor(() => postsOf(alert.id).length === 1, 10_000, 'the Slack post');

    expect((await push(new Date(Date.now() - 1_000).toISOString())).status).toBe(200);
    await waitFor(async () => (await db().alert.findUnique({ where: { id: alert.id } }))?.status === 'resolved', 20_000, 'the resolution from Alertmanager');
    await app.settled();
    expect(postsOf(alert.id)).toHaveLength(1); // updated in place, never posted again
    expect(await db().alert.count({ where: { workspaceId, eventType: 'DiskFull' } })).toBe(1);
  });
});
