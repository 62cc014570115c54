// Heartbeats on a real PostgreSQL through their route handlers: pings push the check later, a missed ping
// raises a routed alert (posted in the emulator), the next ping resolves it. The clock: the heartbeat's last
// ping and its check job are moved into the past, as if that much time had gone by.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as heartbeats from '@/app/api/v1/heartbeats/route';
import * as heartbeat from '@/app/api/v1/heartbeats/[id]/route';
import * as ping from '@/app/api/v1/heartbeats/[id]/ping/route';
import { db, sqlPool } from '@/lib/db';
import { HEARTBEAT_CHECK_JOB } from '@/lib/heartbeats/heartbeats';
import { JOB_HANDLERS } from '@/lib/outbox/handlers';
import { claimJobs, runJobInTransaction } from '@/lib/outbox/jobs';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { callApi } from '../support/api-call';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let key: string;
const workers: Worker[] = [];
const ALERTS = 'C0ACMEALRT';

const checks = async (id: string) =>
  (await sqlPool().query<{ key: string; state: string; run_at: Date }>(`SELECT key, state, run_at FROM jobs WHERE kind = $1 AND key LIKE $2 ORDER BY created_at`, [HEARTBEAT_CHECK_JOB, `${HEARTBEAT_CHECK_JOB}:${id}:%`])).rows;
const sendPing = async (token: string, method = 'GET') => callApi(method === 'GET' ? ping.GET : ping.POST, `/api/v1/heartbeats/${token}/ping`, { method, params: { id: token } });
/** hoursPass moves the heartbeat's last ping and its pending check `hours` into the past. */
async function hoursPass(id: string, hours: number) {
  await sqlPool().query(`UPDATE heartbeats SET last_ping_at = last_ping_at - $2 * interval '1 hour' WHERE id = $1`, [id, hours]);
  await sqlPool().query(`UPDATE jobs SET run_at = run_at - $1 * interval '1 hour' WHERE kind = $2 AND key LIKE $3 AND state = 'pending'`, [hours, HEARTBEAT_CHECK_JOB, `${HEARTBEAT_CHECK_JOB}:${id}:%`]);
}
const openAlert = (id: string) => db().alert.findFirst({ where: { dedupKey: `heartbeat:${id}` }, orderBy: { createdAt: 'desc' } });

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ key } = await keyScope(workspaces.acme.id));
  await addRoute(workspaces.acme.id, { eventTypes: ['heartbeat.*'], severities: ['critical', 'warning'], channelIds: [ALERTS] });
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await emulator.close();
  await dropOwnDatabase();
});

describe('heartbeats', () => {
  it('are created with a ping URL shown once, validated, and scoped by workspace', async () => {
    const created = await callApi(heartbeats.POST, '/api/v1/heartbeats', { key, method: 'POST', body: { name: 'nightly backup', interval_seconds: 86_400 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'nightly backup', interval_seconds: 86_400, grace_seconds: 60, event_type: 'heartbeat.missed', severity: 'critical', status: 'new', last_ping_at: null });
    expect(String(created.json.ping_url)).toMatch(/\/api\/v1\/heartbeats\/hb_[A-Za-z0-9_-]{32}\/ping$/);
    const id = String(created.json.id);
    const listed = await callApi(heartbeats.GET, '/api/v1/heartbeats', { key });
    expect(JSON.stringify(listed.json)).not.toContain(String(created.json.token));
    expect((await callApi(heartbeats.POST, '/api/v1/heartbeats', { key, method: 'POST', body: { name: 'x', interval_seconds: 10 } })).json.error?.details).toContainEqual({ field: 'interval_seconds', message: 'must be at least 60' });
    await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
    const { key: otherKey } = await keyScope(workspaces.globex.id);
    expect((await callApi(heartbeat.GET, `/api/v1/heartbeats/${id}`, { key: otherKey, params: { id } })).status).toBe(404);
    expect((await callApi(heartbeat.PATCH, `/api/v1/heartbeats/${id}`, { key, method: 'PATCH', body: { grace_seconds: 600 }, params: { id } })).json).toMatchObject({ grace_seconds: 600 });
    expect((await callApi(heartbeat.DELETE, `/api/v1/heartbeats/${id}`, { key, method: 'DELETE', params: { id } })).status).toBe(204);
    expect((await sendPing(String(created.json.token))).status).toBe(404);
  });

  it('each ping pushes the one pending check; a missed ping raises a routed alert; the next ping resolves it', async () => {
    const created = await callApi(heartbeats.POST, '/api/v1/heartbeats', { key, method: 'POST', body: { name: 'billing cron', interval_seconds: 3_600, grace_seconds: 300 } });
    const id = String(created.json.id);
    const token = String(created.json.token);
    expect(await checks(id)).toEqual([]); // never pinged: nothing to miss yet

    const before = Date.now();
    expect((await sendPing(token)).status).toBe(200);
    const [first] = await checks(id);
    expect(first!.state).toBe('pending');
    expect(first!.run_at.getTime() - before).toBeGreaterThanOrEqual(3_900_000 - 1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await sendPing(token, 'POST')).status).toBe(200);
    const again = await checks(id);
    expect(again).toHaveLength(1);
    expect(again[0]!.run_at.getTime()).toBeGreaterThan(first!.run_at.getTime());

    runWorker();
    await hoursPass(id, 1); // 60 minutes: still within the grace
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await checks(id))[0]!.state).toBe('pending');
    await hoursPass(id, 0.1); // 66 minutes: missed
    const alert = await waitFor(() => openAlert(id), 10_000, 'the heartbeat alert');
    expect(alert).toMatchObject({ eventType: 'heartbeat.missed', severity: 'critical', title: 'Heartbeat billing cron missed', status: 'triggered' });
    // The description is read in Slack and the dashboard: the last ping as people read a time, not an ISO string.
    expect(alert?.description).toMatch(/^No ping since \d{4}-\d\d-\d\d \d\d:\d\d UTC; expected every 3600 s/);
    await waitFor(async () => (await callApi(heartbeat.GET, `/api/v1/heartbeats/${id}`, { key, params: { id } })).json.status === 'down', 5_000, 'down');
    await waitFor(() => emulator.state.messages(ALERTS).some((m) => JSON.stringify(m.blocks ?? []).includes('Heartbeat billing cron missed')), 10_000, 'posted to the route');

    expect((await sendPing(token)).status).toBe(200);
    expect((await openAlert(id))?.status).toBe('resolved');
    expect((await callApi(heartbeat.GET, `/api/v1/heartbeats/${id}`, { key, params: { id } })).json.status).toBe('up');
    expect((await checks(id)).map((check) => [check.key.split(':')[2], check.state])).toEqual([
      ['0', 'done'],
      ['1', 'pending'],
    ]);
  });

  it('a check claimed just before a ping does not raise an alert: it checks again when that ping is due', async () => {
    const created = await callApi(heartbeats.POST, '/api/v1/heartbeats', { key, method: 'POST', body: { name: 'racy', interval_seconds: 60, grace_seconds: 0 } });
    const id = String(created.json.id);
    await sendPing(String(created.json.token));
    await hoursPass(id, 1);
    const [claimed] = (await claimJobs(50, 30_000)).filter((job) => job.key.startsWith(`${HEARTBEAT_CHECK_JOB}:${id}:`));
    await sendPing(String(created.json.token)); // arrives while the check is held
    const handler = JOB_HANDLERS.get(HEARTBEAT_CHECK_JOB)!;
    expect((await runJobInTransaction(claimed!, (tx) => handler.run({ ...claimed!, payload: handler.payload.parse(claimed!.payload) }, tx))).ran).toBe(true);
    expect(await openAlert(id)).toBeNull();
    expect((await checks(id)).map((check) => [check.key.split(':')[2], check.state])).toEqual([
      ['0', 'done'],
      ['1', 'pending'],
    ]);
  });
});

function runWorker() {
  workers.push(startWorker({ pollMs: 30 }));
}
