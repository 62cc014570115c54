// Grafana's webhook contact point over real HTTP to Klaxon's node:http intake: the published example mapped (URLs
// as link buttons, query values as fields), the key as Bearer or as a Basic password, resolution, and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { db } from '@/lib/db';
import { keyScope } from '../support/alert-fixtures';
import { fixture } from '../support/integration-fixtures';
import { installWorkspace } from '../support/install-flow';
import { startSlackAppServer, type SlackAppServer } from '../support/slack-app-server';
import { startSandboxSlack } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let app: SlackAppServer;
let key: string;
let workspaceId: string;

type Notification = { alerts: Array<Record<string, unknown> & { fingerprint: string; status: string }>; version: string };

const basic = (password: string) => `Basic ${Buffer.from(`grafana:${password}`).toString('base64')}`;

function post(body: unknown, authorization: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return fetch(`${app.url}/api/v1/integrations/grafana`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function withFingerprint(fingerprint: string, changes: Record<string, unknown> = {}): Notification {
  const body = fixture<Notification>('grafana-notification');
  return { ...body, alerts: [{ ...body.alerts[0]!, fingerprint, ...changes }] };
}

const alertByKey = (dedupKey: string) => db().alert.findFirst({ where: { workspaceId, dedupKey } });

beforeAll(async () => {
  let workspaces;
  ({ emulator, workspaces } = await startSandboxSlack());
  workspaceId = workspaces.acme.id;
  await installWorkspace(workspaceId, 'U0ACMEOWN1');
  ({ key } = await keyScope(workspaceId));
  app = await startSlackAppServer();
});
afterAll(async () => {
  await app.settled();
  await app.close();
  await emulator.close();
});

describe('the Grafana webhook contact point', () => {
  it('maps the published example: URLs become link buttons, values become fields, a missing severity is shown as warning, and said', async () => {
    const response = await post(fixture('grafana-notification'), `Bearer ${key}`);
    expect(response.status).toBe(200);
    expect(await alertByKey('c6eadffa33fcdf37')).toMatchObject({
      eventType: 'High_memory_usage',
      severity: 'warning',
      title: 'This alert was triggered for zone us-1',
      description: 'The system has high memory usage',
      source: 'grafana/My Super Webhook',
      fields: { severity: 'none sent: shown as warning', team: 'blue', zone: 'us-1', 'value B': 44.23943737541908, 'value C': 1 },
      links: [
        { text: 'Runbook', url: 'https://myrunbook.com/runbook/1234' },
        { text: 'Source', url: 'https://play.grafana.org/alerting/1afz29v7z/edit' },
        { text: 'Silence', url: 'https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1' },
      ],
    });
  });

  it('takes the key as a Basic password, and resolves', async () => {
    const firing = withFingerprint('grafana-basic-01', { dashboardURL: 'https://grafana.example.com/d/abc', panelURL: 'https://grafana.example.com/d/abc?viewPanel=2', labels: { alertname: 'CPU', severity: 'critical' } });
    expect((await post(firing, basic(key))).status).toBe(200);
    expect(await alertByKey('grafana-basic-01')).toMatchObject({
      eventType: 'CPU',
      severity: 'critical',
      links: expect.arrayContaining([
        { text: 'Dashboard', url: 'https://grafana.example.com/d/abc' },
        { text: 'Panel', url: 'https://grafana.example.com/d/abc?viewPanel=2' },
      ]) as unknown,
    });
    expect((await post(withFingerprint('grafana-basic-01', { status: 'resolved' }), basic(key))).status).toBe(200);
    expect(await alertByKey('grafana-basic-01')).toMatchObject({ status: 'resolved' });
  });

  it('refuses a wrong or missing key (401) and an Alertmanager body (400), storing nothing', async () => {
    expect((await post(withFingerprint('grafana-refused1'), basic('wrong'))).status).toBe(401);
    expect((await post(withFingerprint('grafana-refused1'), null)).status).toBe(401);
    expect((await post(withFingerprint('grafana-refused1'), 'Token abc')).status).toBe(401);
    const wrongVersion = await post({ ...withFingerprint('grafana-refused1'), version: '4' }, `Bearer ${key}`);
    expect(wrongVersion.status).toBe(400);
    expect(((await wrongVersion.json()) as { error: { message: string } }).error.message).toMatch(/version/);
    expect(await alertByKey('grafana-refused1')).toBeNull();
  });
});
