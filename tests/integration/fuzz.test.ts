// A seeded subset of `npm run fuzz`: generated requests over every public endpoint of the production server
// (REST operations, drop-in intake, signed Slack endpoints, raw garbage) never get a 5xx or go unanswered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, startBenchApp, TEAM, type BenchApp } from '../../bench/bench-app';
import { setUpWorkspace } from '../../bench/bench-setup';
import { seedRecords } from '../../fuzz/seed-records';
import { runFuzz } from '../../fuzz/send';

let app: BenchApp;

beforeAll(async () => {
  // The production build `npm start` serves (built here first when missing or stale; Playwright reuses it).
  app = await startBenchApp(45000 + Math.floor(Math.random() * 10000), { workerInProcess: true });
}, 300_000);

afterAll(async () => {
  await app?.stop();
}, 60_000);

describe('requests the fuzzer once broke', () => {
  it('malformed or NUL path ids answer 4xx JSON on every method, and overlapping channel refreshes do not 500', async () => {
    const { key } = await setUpWorkspace(app);
    const ids = await seedRecords(app.url, key, CHANNELS[0]!);
    const paths = ['/api/v1/alerts/ID', '/api/v1/routes/ID', '/api/v1/templates/ID', '/api/v1/api-keys/ID', '/api/v1/integrations/opsgenie/v2/alerts/ID/close'];
    const answers: string[] = [];
    for (const path of paths) {
      for (const id of ['%ZZ', '%C0%80', '%ED%A0%80', '%00', `${ids.alert[0]}%00`]) {
        for (const method of path.includes('opsgenie') ? ['POST'] : ['GET', 'PATCH', 'PUT', 'DELETE']) {
          const response = await fetch(`${app.url}${path.replace('ID', id)}`, {
            method,
            headers: { authorization: path.includes('opsgenie') ? `GenieKey ${key}` : `Bearer ${key}`, 'content-type': 'application/json' },
            body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
          });
          const json = (await response.json().catch(() => null)) as unknown;
          answers.push(`${method} ${path.replace('ID', id)} ${response.status >= 400 && response.status < 500 && json !== null ? 'ok' : `${response.status} ${JSON.stringify(json)}`}`);
        }
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(' ok'))).toEqual([]);
    // Bodies and queries the 100,000-request run (seed 7) found: an impossible date, block types named like
    // Object.prototype's keys, query parameters named like them.
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.status);
    const rotation = { kind: 'weekly', start_date: '0000-00-00', handoff_time: '09:00', time_zone: 'UTC', participants: ['U0ACMEMEM1'] };
    expect(await send('POST', '/api/v1/schedules', { name: `impossible ${Date.now()}`, rotations: [rotation] })).toBe(400);
    for (const type of ['__proto__', 'constructor', 'toString']) {
      expect(await send('POST', '/api/v1/templates/preview', { blocks: [{ type, text: { type: 'mrkdwn', text: 'x' } }], severity: 'critical' })).toBe(400);
      expect(await send('POST', '/api/v1/templates', { name: `proto ${type} ${Date.now()}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }, { type, elements: [] }] })).toBe(400);
    }
    expect(await send('GET', '/api/v1/alerts?constructor=x&__proto__=y&toString=z')).toBeLessThan(500);
    // A path with `//` or a trailing slash that Next would redirect (308) with a Location longer than clients read.
    for (const path of [`//api/v1/${'a'.repeat(15_000)}`, `/${'b'.repeat(15_000)}/`, `/api/v1/alerts?q=${'c'.repeat(9_000)}`]) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      expect({ status: response.status, body: (await response.json()) as unknown }).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    }
    const refreshes = await Promise.all(Array.from({ length: 8 }, () => fetch(`${app.url}/api/v1/channels?refresh=true`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status)));
    expect(refreshes.filter((status) => status >= 500)).toEqual([]);
  }, 120_000);
});

describe('generated requests', () => {
  it('get no 5xx and no unanswered request over 2,000 requests (seed 20261203), and the server stays healthy', async () => {
    const { key } = await setUpWorkspace(app);
    const context = { key, signingSecret: app.env.SLACK_SIGNING_SECRET!, teamId: TEAM, userId: 'U0ACMEMEM1', channelId: CHANNELS[0]!, ids: await seedRecords(app.url, key, CHANNELS[0]!) };
    const stats = await runFuzz({ baseUrl: app.url, context, count: 2000, seed: 20261203, concurrency: 4 });
    expect(stats.failures.map((failure) => `${failure.status} ${failure.request.method} ${failure.request.path.slice(0, 100)}: ${failure.answer.slice(0, 200)}`)).toEqual([]);
    // The generators reached every kind of endpoint, and most requests got past authentication.
    expect(Object.keys(stats.byLabel).length).toBeGreaterThan(60);
    expect((stats.byStatus['401'] ?? 0) / stats.sent).toBeLessThan(0.25);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  }, 240_000);
});
