// The log of a whole flow at LOG_LEVEL=debug — Add to Slack through the emulator, an API key, an alert POST
// over node:http, its post, a signed Acknowledge click, a Slack event and Slack's retry of it — holds none
// of the secrets that flow handled, and every line of a request carries that request's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { GET as install } from '@/app/api/slack/install/route';
import { GET as oauthRedirect } from '@/app/api/slack/oauth_redirect/route';
import { POST as createKey } from '@/app/api/v1/api-keys/route';
import { openToken } from '@/lib/crypto/token-cipher';
import { db } from '@/lib/db';
import { env, provideEnv } from '@/lib/env';
import { scrub, setLogDestination } from '@/lib/log';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, waitFor } from '../support/alert-fixtures';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSlackAppServer, type SlackAppServer } from '../support/slack-app-server';
import { answerConsent, CookieJar, startSandboxSlack } from '../support/slack-sandbox';

type Line = Record<string, unknown> & { level: string; msg: string; requestId?: string };

const written: string[] = [];
const lines = (): Line[] => written.map((line) => JSON.parse(line) as Line);
const CHANNEL = 'C0ACMEALRT';

let emulator: SlackEmulator;
let app: SlackAppServer;
let worker: Worker;
const secrets: Record<string, string> = {};

beforeAll(async () => {
  await useOwnDatabase();
  setLogDestination({ write: (line: string) => void written.push(line) });
  provideEnv({ LOG_LEVEL: 'debug' });
  const sandbox = await startSandboxSlack({ tokenRotation: true });
  emulator = sandbox.emulator;
  const teamId = sandbox.workspaces.acme.id;
  app = await startSlackAppServer();
  emulator.setAppUrl(app.url);

  // Add to Slack, as a browser does it.
  const jar = new CookieJar();
  const start = await install(jar.request(`${env().appUrl}/api/slack/install`));
  jar.store(start);
  const callback = await answerConsent(start.headers.get('location')!, { teamId, userId: 'U0ACMEOWN1' });
  secrets.oauthCode = new URL(callback).searchParams.get('code')!;
  const installed = await oauthRedirect(jar.request(callback));
  expect(installed.status).toBe(303);
  jar.store(installed);

  const created = await createKey(
    jar.request(`${env().appUrl}/api/v1/api-keys`, { method: 'POST', headers: { origin: env().appUrl, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'logs' }) }),
  );
  secrets.apiKey = ((await created.json()) as { key: string }).key;
  await addRoute(teamId, { eventTypes: ['logs.*'], severities: ['critical'], channelIds: [CHANNEL] });
  worker = startWorker({ pollMs: 50 });

  const alert = await fetch(`${app.url}/api/v1/alerts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secrets.apiKey}`, 'content-type': 'application/json', 'x-request-id': 'flow-alert-1' },
    body: JSON.stringify({ event_type: 'logs.flow', severity: 'critical', title: 'Disk full on db-1' }),
  });
  expect(alert.status).toBe(202);
  expect(alert.headers.get('x-request-id')).toBe('flow-alert-1');
  const { id } = (await alert.json()) as { id: string };
  const delivery = await waitFor(() => db().delivery.findFirst({ where: { alertId: id, state: 'sent' } }), 10_000, 'the post');
  const click = await emulator.state.clickButton({ teamId, channelId: CHANNEL, ts: delivery.messageTs!, actionId: 'alert_acknowledge', userId: 'U0ACMEMEM1' });
  expect(click.status).toBe(200);
  const event = await emulator.state.sendEvent(teamId, { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' });
  await emulator.state.sendEvent(teamId, { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' }, { eventId: event.eventId, retryNum: 1, retryReason: 'http_timeout' });
  await app.settled();
  await waitFor(() => db().alert.findFirst({ where: { id, status: 'acknowledged' } }), 10_000, 'the acknowledgement');

  const installation = await db().installation.findUniqueOrThrow({ where: { workspaceId: teamId } });
  secrets.botToken = emulator.state.botToken(teamId)!;
  secrets.refreshToken = openToken({ ciphertext: installation.refreshTokenCiphertext!, keyId: installation.tokenKeyId! }, teamId);
  secrets.signingSecret = env().slack.signingSecret;
  secrets.clientSecret = env().slack.clientSecret;
  secrets.sessionSecret = env().sessionSecret;
});

afterAll(async () => {
  await worker.stop();
  setLogDestination(null);
  await app.close();
  await emulator.close();
  await dropOwnDatabase();
});

describe('the log of a full flow', () => {
  it('was written at debug level, as JSON lines', () => {
    expect(lines().some((line) => line.level === 'debug')).toBe(true);
    expect(lines().length).toBeGreaterThan(20);
  });

  it('holds no token, key, secret or OAuth code', () => {
    const log = written.join('');
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret, name).toMatch(/.{8,}/);
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });

  it('has one access line per request, each with a request id, the route template and the status', () => {
    const served = lines().filter((line) => line.msg === 'request completed');
    for (const line of served) expect(line.requestId).toMatch(/^[\w.:@/+=-]{1,128}$/);
    const routes = served.map((line) => `${String(line.method)} ${String(line.route)} ${String(line.status)}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/slack/install 302',
        'GET /api/slack/oauth_redirect 303',
        'POST /api/v1/api-keys 201',
        'POST /api/v1/alerts 202',
        'POST /api/slack/interactions 200',
        'POST /api/slack/events 200',
      ]),
    );
    const intake = served.find((line) => line.route === '/api/v1/alerts');
    expect(intake?.requestId).toBe('flow-alert-1');
    expect(typeof intake?.workspace).toBe('string');
  });

  it('carries the request id on the lines logged while serving it, and on its deferred work', () => {
    const [first] = lines().filter((line) => line.msg === 'request completed' && line.route === '/api/slack/events');
    const ofFirst = lines().filter((line) => line.requestId === first!.requestId);
    expect(ofFirst.map((line) => line.msg)).toContain('Slack event received');
    // views.publish runs after the answer (App Home): the SDK's lines of that call still name the request.
    expect(ofFirst.some((line) => line.msg.includes('views.publish'))).toBe(true);
  });

  it("logs Slack's retry of an event already received, with its number and reason, and does not handle it again", () => {
    const retried = lines().find((line) => line.msg === 'request completed' && line.route === '/api/slack/events' && line.slackRetryNum === 1);
    expect(retried).toMatchObject({ slackRetryReason: 'http_timeout', status: 200 });
    const duplicate = lines().find((line) => line.requestId === retried!.requestId && line.msg.includes('already received'));
    expect(duplicate).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
    expect(emulator.state.calls('views.publish')).toHaveLength(1);
  });
});

describe('scrub', () => {
  it.each([
    ['a form body', 'grant_type=refresh_token&refresh_token=xoxe-1-abc&client_secret=s3cr3t', 'grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]'],
    ['a JSON body', '{"client_id":"A1","code":"8003.26.Fmm","redirect_uri":"http://x"}', '{"client_id":"A1","code":"[redacted]","redirect_uri":"http://x"}'],
    ['a token in prose', 'invalid_auth for xoxb-123-456-abc', 'invalid_auth for [redacted]'],
    ['prose about codes', 'Slack answered error code: invalid_code', 'Slack answered error code: invalid_code'],
  ])('masks secrets in %s and nothing else', (_label, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });
});
