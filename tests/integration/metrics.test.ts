// Metrics (DESIGN §8): who may read GET /api/metrics, the worker's metrics server, and a flow — install,
// alert intake over node:http, refusals, a Slack event, Slack API failures — moving the counters it should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { GET as getMetrics } from '@/app/api/metrics/route';
import { GET as getAlert } from '@/app/api/v1/alerts/[id]/route';
import { disconnectDb } from '@/lib/db';
import { env, provideEnv } from '@/lib/env';
import { startMetricsServer } from '@/lib/runtime/metrics-server';
import { slackClient } from '@/lib/slack/client';
import { keyScope } from '../support/alert-fixtures';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

const TOKEN = 'metrics-token-0123456789';

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let key: string;

function scrape(authorization?: string): Promise<Response> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return getMetrics(new Request(`${env().appUrl}/api/metrics`, { headers }));
}

async function metricsText(): Promise<string> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** sample reads one series' value from Prometheus text (0 when the series does not exist yet). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  for (const line of (await metricsText()).split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const have = match[2]?.split(',') ?? [];
    if (wanted.every((pair) => have.includes(pair))) return Number(match[3]);
  }
  return 0;
}

const postAlert = (authorization: string | null, body: unknown) =>
  fetch(`${app.url}/api/v1/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const trigger = { event_type: 'metrics.test', severity: 'warning', title: 'Queue latency high' };

beforeAll(async () => {
  provideEnv({ METRICS_TOKEN: TOKEN });
  sandbox = await startInstalledSandbox({ ownDatabase: false });
  ({ emulator, workspaces, app, key } = sandbox);
});
afterAll(async () => {
  provideEnv({ METRICS_TOKEN: '' });
  await sandbox.stop();
  await disconnectDb();
});

describe('GET /api/metrics', () => {
  it('answers 404 when METRICS_TOKEN is unset', async () => {
    provideEnv({ METRICS_TOKEN: '' });
    try {
      const response = await scrape(`Bearer ${TOKEN}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    } finally {
      provideEnv({ METRICS_TOKEN: TOKEN });
    }
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer metrics-token-0123456780'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token without Bearer', TOKEN],
  ])('answers 401 to %s', async (_label, authorization) => {
    const response = await scrape(authorization);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it("serves DESIGN §8's metrics in Prometheus' text format with the token", async () => {
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of ['klaxon_alerts_received_total', 'klaxon_alerts_rejected_total', 'klaxon_deliveries_total', 'klaxon_queue_depth', 'klaxon_queue_oldest_due_seconds', 'klaxon_delivery_latency_seconds', 'klaxon_slack_api_requests_total', 'klaxon_slack_ack_seconds', 'process_cpu_seconds_total']) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });
});

describe('a flow moves the counters', () => {
  it('counts accepted alerts by source and refusals by reason', async () => {
    const before = {
      received: await sample('klaxon_alerts_received_total', { source: 'api' }),
      unauthorized: await sample('klaxon_alerts_rejected_total', { reason: 'unauthorized' }),
      invalid: await sample('klaxon_alerts_rejected_total', { reason: 'invalid' }),
      limited: await sample('klaxon_alerts_rejected_total', { reason: 'rate_limited' }),
    };
    expect((await postAlert(`Bearer ${key}`, trigger)).status).toBe(202);
    expect((await postAlert(`Bearer ${key}`, trigger)).status).toBe(202);
    expect((await postAlert('Bearer klx_live_unknown', trigger)).status).toBe(401);
    expect((await postAlert(null, trigger)).status).toBe(401);
    expect((await postAlert(`Bearer ${key}`, { ...trigger, severity: 'urgent' })).status).toBe(400);
    provideEnv({ API_KEY_RATE_LIMIT: '1' });
    try {
      const { key: limitedKey } = await keyScope(workspaces.acme.id, 'limited');
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await postAlert(`Bearer ${limitedKey}`, trigger)).status);
      expect(statuses).toEqual([202, 429, 429]);
    } finally {
      provideEnv({ API_KEY_RATE_LIMIT: '3000' });
    }
    expect(await sample('klaxon_alerts_received_total', { source: 'api' })).toBe(before.received + 3);
    expect(await sample('klaxon_alerts_rejected_total', { reason: 'unauthorized' })).toBe(before.unauthorized + 2);
    expect(await sample('klaxon_alerts_rejected_total', { reason: 'invalid' })).toBe(before.invalid + 1);
    expect(await sample('klaxon_alerts_rejected_total', { reason: 'rate_limited' })).toBe(before.limited + 2);
  });

  it('times requests by route template, never by raw URL', async () => {
    const response = await postAlert(`Bearer ${key}`, trigger);
    const { id } = (await response.json()) as { id: string };
    const read = await getAlert(new Request(`${env().appUrl}/api/v1/alerts/${id}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
    expect(read.status).toBe(200);
    expect(await sample('klaxon_http_request_duration_seconds_count', { route: '/api/v1/alerts/[id]', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(await sample('klaxon_http_request_duration_seconds_count', { route: '/api/v1/alerts', method: 'POST', status: '202' })).toBeGreaterThanOrEqual(1);
    expect(await metricsText()).not.toContain(id);
  });

  it('times Slack acknowledgements by endpoint', async () => {
    const before = await sample('klaxon_slack_ack_seconds_count', { endpoint: 'events' });
    const answer = await emulator.state.sendEvent(workspaces.acme.id, { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' });
    expect(answer.status).toBe(200);
    await app.settled();
    expect(await sample('klaxon_slack_ack_seconds_count', { endpoint: 'events' })).toBe(before + 1);
    expect(await sample('klaxon_slack_api_requests_total', { method: 'oauth.v2.access', status: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(await sample('klaxon_slack_api_requests_total', { method: 'views.publish', status: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['a Slack error code', { error: 'channel_not_found' }, 'channel_not_found'],
    ['a rate limit', { ratelimited: 1 }, '429'],
    ['an HTTP 5xx', { status: 503 }, 'http_5xx'],
  ] as const)('counts Slack API calls ending in %s', async (_label, failure, status) => {
    const before = await sample('klaxon_slack_api_requests_total', { method: 'chat.postMessage', status });
    emulator.state.failNext('chat.postMessage', failure);
    await expect(slackClient(emulator.state.botToken(workspaces.acme.id)).chat.postMessage({ channel: 'C0ACMEALRT', text: 'x' })).rejects.toThrow();
    expect(await sample('klaxon_slack_api_requests_total', { method: 'chat.postMessage', status })).toBe(before + 1);
  });

  it('counts a Slack API that cannot be reached as network', async () => {
    const before = await sample('klaxon_slack_api_requests_total', { method: 'auth.test', status: 'network' });
    const reachable = env().slack.apiUrl;
    provideEnv({ SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    try {
      await expect(slackClient('xoxb-unreachable', { timeoutMs: 2_000 }).auth.test()).rejects.toThrow();
    } finally {
      provideEnv({ SLACK_API_URL: reachable });
    }
    expect(await sample('klaxon_slack_api_requests_total', { method: 'auth.test', status: 'network' })).toBe(before + 1);
  });
});

describe("the worker's metrics server", () => {
  it('serves /metrics and /health without a token, and 404 elsewhere', async () => {
    const server = await startMetricsServer(0);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('# TYPE klaxon_deliveries_total counter');
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      expect((await fetch(`${base}/api/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
