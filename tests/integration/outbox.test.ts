// The outbox on a real PostgreSQL: per-channel post queues (only the head is claimed, most severe first, at
// Slack's pace, however many claims race), timed jobs (unique keys, exactly once across workers and dead
// workers, retries with backoff), snooze expiry end to end through the emulator, and retention.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SlackEmulator } from '@/emulator/server';
import { getAlertDetail } from '@/lib/alerts/alert-views';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import type { Severity } from '@/lib/generated/prisma/client';
import { metricsText } from '@/lib/metrics';
import { claimChannelPosts, claimPosts, markDead, renewPostLease, type ClaimedPost } from '@/lib/outbox/deliveries';
import { onWorkSignal } from '@/lib/outbox/signal';
import { JOB_HANDLERS } from '@/lib/outbox/handlers';
import { claimJobs, jobsOfAlert, runJobInTransaction, scheduleJob, type JobHandler } from '@/lib/outbox/jobs';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import type { AlertInput } from '@/lib/schemas/alert';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
const workers: Worker[] = [];

const ALERTS = 'C0ACMEALRT'; // the bot is a member
const INCIDENTS = 'C0ACMEINCD'; // private, the bot is a member

function trigger(eventType: string, severity: Severity, title: string): AlertInput {
  return { action: 'trigger', eventType, severity, title, fields: {}, links: [] };
}

const runWorker = () => {
  const worker = startWorker({ pollMs: 50 });
  workers.push(worker);
  return worker;
};

const untouched = async (ids: string[]) =>
  (await sqlPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE id = ANY($1) AND attempts = 0 AND locked_until IS NULL AND post_started_at IS NULL`, [ids])).rows[0]!.n;

// A test kind of timed job: each run leaves a row in the same transaction that marks the job done.
const runs = new Map<string, number>();
const failuresLeft = new Map<string, number>();
const testJob: JobHandler<{ tag: string }> = {
  kind: 'test-record',
  payload: z.object({ tag: z.string() }),
  async run(job, tx) {
    runs.set(job.key, (runs.get(job.key) ?? 0) + 1);
    const fail = failuresLeft.get(job.key) ?? 0;
    if (fail > 0) {
      failuresLeft.set(job.key, fail - 1);
      throw new Error(`planned failure of ${job.key}`);
    }
    await tx.$executeRaw`INSERT INTO test_job_effects (key) VALUES (${job.key})`;
    return [];
  },
};

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  await addRoute(workspaces.acme.id, { eventTypes: ['queue.*'], severities: ['critical', 'error', 'warning', 'info'], channelIds: [INCIDENTS] });
  await addRoute(workspaces.acme.id, { eventTypes: ['race.*'], severities: ['info'], channelIds: [ALERTS], position: 1 });
  await addRoute(workspaces.acme.id, { eventTypes: ['snooze.*'], severities: ['critical'], channelIds: [ALERTS], position: 2 });
  await sqlPool().query('CREATE TABLE IF NOT EXISTS test_job_effects (key text NOT NULL)');
  JOB_HANDLERS.set(testJob.kind, testJob);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  JOB_HANDLERS.delete(testJob.kind);
  await emulator.close();
  await dropOwnDatabase();
});

describe('per-channel post queues', () => {
  it('claim only the head of a channel, most severe first then oldest, at one per second after a burst of 2; the backlog is never written', async () => {
    const infos = [];
    for (let i = 0; i < 30; i += 1) infos.push(await ingestAlert(scope, trigger('queue.x', 'info', `info ${i}`)));
    const warning = await ingestAlert(scope, trigger('queue.x', 'warning', 'the warning'));
    const critical = await ingestAlert(scope, trigger('queue.x', 'critical', 'the critical one'));
    const deliveryOf = async (alertId: string) => (await db().delivery.findFirstOrThrow({ where: { alertId } })).id;

    // The queue gauges see them (read from the outbox at scrape time).
    const depth = /klaxon_queue_depth\{kind="post"\} (\d+)/.exec((await metricsText()).body);
    expect(Number(depth?.[1])).toBeGreaterThanOrEqual(32);

    const first = await claimPosts(10, 60_000);
    const second = await claimPosts(10, 60_000);
    const third = await claimPosts(10, 60_000);
    expect(first.map((post) => post.alertId)).toEqual([critical.id]);
    expect(second.map((post) => post.alertId)).toEqual([warning.id]);
    expect(third).toEqual([]);
    // The claim brings what the post needs: the alert as it is now, and the workspace's sealed token.
    expect(first[0]).toMatchObject({ channelId: INCIDENTS, attempts: 1, previousAttemptAt: null, alert: { title: 'the critical one', severity: 'critical' } });
    expect(first[0]!.token.ciphertext).toBeTruthy();
    expect(second[0]!.nextSlot.getTime() - Date.now()).toBeGreaterThan(500);

    const infoDeliveries = await Promise.all(infos.map((alert) => deliveryOf(alert.id)));
    expect(await untouched(infoDeliveries)).toBe(30);

    await new Promise((resolve) => setTimeout(resolve, second[0]!.nextSlot.getTime() - Date.now() + 20));
    const next = await claimPosts(10, 60_000);
    expect(next.map((post) => post.alertId)).toEqual([infos[0]!.id]);
    expect(await untouched(infoDeliveries)).toBe(29);
    for (const post of [...first, ...second, ...next]) await markDead(post, 'test: done');
    await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE id = ANY($1)`, [infoDeliveries]);
  });

  it('a claim for named channels (new posts) takes only their heads, in the same order and at the same pace', async () => {
    await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE state IN ('pending', 'failed')`);
    await sqlPool().query('DELETE FROM channel_pacing');
    const infos = [await ingestAlert(scope, trigger('queue.x', 'info', 'named info 0')), await ingestAlert(scope, trigger('queue.x', 'info', 'named info 1'))];
    const critical = await ingestAlert(scope, trigger('queue.x', 'critical', 'named critical'));
    const incidents = { workspaceId: workspaces.acme.id, channelId: INCIDENTS };
    // Another channel with nothing queued: nothing claimed there, nothing touched here.
    expect(await claimChannelPosts([{ workspaceId: workspaces.acme.id, channelId: ALERTS }], 5, 60_000)).toEqual([]);
    const first = await claimChannelPosts([incidents, incidents], 5, 60_000);
    const second = await claimChannelPosts([incidents], 5, 60_000);
    const third = await claimChannelPosts([incidents], 5, 60_000);
    expect(first.map((post) => post.alertId)).toEqual([critical.id]);
    expect(second.map((post) => post.alertId)).toEqual([infos[0]!.id]);
    expect(third).toEqual([]);
    expect(first[0]).toMatchObject({ channelId: INCIDENTS, attempts: 1, alert: { title: 'named critical' } });
    for (const post of [...first, ...second]) await markDead(post, 'test: done');
    await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE state IN ('pending', 'failed')`);
    await sqlPool().query('DELETE FROM channel_pacing');
  });

  it('with a worker in this process, storing a new alert leases its post when it heads its channel and its slot is due', async () => {
    await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE state IN ('pending', 'failed')`);
    await sqlPool().query('DELETE FROM channel_pacing');
    const taken: ClaimedPost[] = [];
    let takes = true;
    const stop = onWorkSignal(() => false, { leaseMs: 60_000, take: (posts) => (takes ? (taken.push(...posts), true) : false) });
    try {
      const lease = async (id: string) =>
        (await sqlPool().query<{ attempts: number; locked: boolean }>('SELECT attempts, locked_until > now() AS locked FROM deliveries WHERE id = $1', [id])).rows[0]!;
      // An idle channel: leased in the statement, with all a post needs, and a burst of 2 as the claim allows.
      const first = await ingestAlert(scope, { ...trigger('queue.x', 'error', 'leased one'), fields: { region: 'eu' } });
      const second = await ingestAlert(scope, trigger('queue.x', 'info', 'leased two'));
      const third = await ingestAlert(scope, trigger('queue.x', 'critical', 'over the burst'));
      expect(taken.map((post) => post.alertId)).toEqual([first.id, second.id]);
      expect(taken[0]).toMatchObject({ id: `${first.id}_1`, channelId: INCIDENTS, attempts: 1, previousAttemptAt: null, messageTs: null });
      expect(taken[0]!.alert).toMatchObject({ id: first.id, title: 'leased one', severity: 'error', status: 'triggered', occurrences: 1, fields: { region: 'eu' } });
      expect(taken[0]!.token.ciphertext).toBeTruthy();
      expect(taken[1]!.nextSlot.getTime() - Date.now()).toBeGreaterThan(500);
      expect(await lease(`${first.id}_1`)).toEqual({ attempts: 1, locked: true });
      // Over the burst it waits, unleased, for a claim at its slot.
      expect(await lease(`${third.id}_1`)).toEqual({ attempts: 0, locked: null });
      // Once a post waits on the channel, later ones queue behind it (most severe first) instead of jumping it.
      await sqlPool().query('DELETE FROM channel_pacing');
      await ingestAlert(scope, trigger('queue.x', 'critical', 'behind the waiting one'));
      expect(taken).toHaveLength(2);
      // A worker that stopped taking them: the leases are given back at once.
      await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE state IN ('pending', 'failed')`);
      await sqlPool().query('DELETE FROM channel_pacing');
      takes = false;
      const refused = await ingestAlert(scope, trigger('queue.x', 'info', 'refused'));
      await expect.poll(() => lease(`${refused.id}_1`)).toEqual({ attempts: 0, locked: null });
    } finally {
      stop();
      await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE state IN ('pending', 'failed')`);
      await sqlPool().query('DELETE FROM channel_pacing');
    }
  });

  it("renews a held post's lease, and refuses once it ended (another worker may hold the post by then)", async () => {
    await sqlPool().query(`UPDATE deliveries SET state = 'dead' WHERE state IN ('pending', 'failed')`);
    await sqlPool().query('DELETE FROM channel_pacing');
    const alert = await ingestAlert(scope, trigger('race.x', 'info', 'a lease to renew'));
    const [post] = await claimPosts(10, 1_000);
    expect(post!.alertId).toBe(alert.id);
    const leftMs = async () => (await sqlPool().query<{ ms: number }>(`SELECT (extract(epoch FROM locked_until - now()) * 1000)::float8 AS ms FROM deliveries WHERE id = $1`, [post!.id])).rows[0]!.ms;
    expect(await leftMs()).toBeLessThanOrEqual(1_000);
    expect(await renewPostLease(post!, 60_000)).toBe(true);
    expect(await leftMs()).toBeGreaterThan(59_000);
    await sqlPool().query(`UPDATE deliveries SET locked_until = now() - interval '1 second' WHERE id = $1`, [post!.id]);
    expect(await renewPostLease(post!, 60_000)).toBe(false);
    await markDead(post!, 'test: done');
    await sqlPool().query('DELETE FROM channel_pacing');
  });

  it('racing claims on an idle channel take no more than its burst', async () => {
    for (let i = 0; i < 20; i += 1) await ingestAlert(scope, trigger('race.x', 'info', `race ${i}`));
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimPosts(5, 60_000)));
    const claimed = claims.flat();
    expect(claimed).toHaveLength(2);
    expect(new Set(claimed.map((post) => post.id)).size).toBe(2);
    for (const post of claimed) await markDead(post, 'test: done');
    await sqlPool().query(`UPDATE deliveries d SET state = 'dead' FROM alerts a WHERE a.id = d.alert_id AND a.event_type = 'race.x' AND d.state = 'pending'`);
  });
});

describe('timed jobs', () => {
  const effects = async (key: string) => (await sqlPool().query<{ n: number }>('SELECT count(*)::int AS n FROM test_job_effects WHERE key = $1', [key])).rows[0]!.n;
  const jobRow = async (key: string) => (await sqlPool().query<{ state: string; attempts: number; last_error: string | null }>('SELECT state, attempts, last_error FROM jobs WHERE key = $1', [key])).rows[0]!;

  it('a key is scheduled once however often it is asked for', async () => {
    const job = { kind: testJob.kind, key: 'once-only', runAt: new Date(Date.now() + 3_600_000), payload: { tag: 'x' } };
    expect(await scheduleJob(db(), job)).toBe(true);
    expect(await scheduleJob(db(), { ...job, runAt: new Date() })).toBe(false);
    expect((await sqlPool().query("SELECT run_at FROM jobs WHERE key = 'once-only'")).rowCount).toBe(1);
    await sqlPool().query("UPDATE jobs SET state = 'cancelled' WHERE key = 'once-only'");
  });

  it('runs each due job exactly once across racing workers, not before its time', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `race-job-${i}`);
    for (const key of keys) await scheduleJob(db(), { kind: testJob.kind, key, runAt: new Date(), payload: { tag: key } });
    await scheduleJob(db(), { kind: testJob.kind, key: 'later-job', runAt: new Date(Date.now() + 60_000), payload: { tag: 'later' } });
    runWorker();
    runWorker();
    runWorker();
    await waitFor(async () => (await Promise.all(keys.map(jobRow))).every((row) => row.state === 'done'), 10_000, 'all jobs done');
    for (const key of keys) expect(await effects(key)).toBe(1);
    expect(await effects('later-job')).toBe(0);
    expect((await jobRow('later-job')).state).toBe('pending');
    await sqlPool().query("UPDATE jobs SET state = 'cancelled' WHERE key = 'later-job'");
  });

  it('a job whose worker died runs once when its lease ends; the dead worker cannot complete it after the takeover', async () => {
    await scheduleJob(db(), { kind: testJob.kind, key: 'orphan', runAt: new Date(), payload: { tag: 'orphan' } });
    // A worker claims it and dies (SIGKILL): the job stays leased for 300 ms.
    const [orphaned] = (await claimJobs(50, 300)).filter((job) => job.key === 'orphan');
    expect(orphaned).toBeDefined();
    runWorker();
    await waitFor(async () => (await jobRow('orphan')).state === 'done', 5_000, 'the orphan job done');
    expect(await effects('orphan')).toBe(1);
    expect((await jobRow('orphan')).attempts).toBe(2);
    // The first worker comes back to life with its stale lease: nothing runs.
    const late = await runJobInTransaction(orphaned!, () => Promise.resolve([]));
    expect(late.ran).toBe(false);
    expect(await effects('orphan')).toBe(1);
  });

  it('a failing job is retried with backoff and its effects are never half-applied', async () => {
    failuresLeft.set('flaky', 1);
    await scheduleJob(db(), { kind: testJob.kind, key: 'flaky', runAt: new Date(), payload: { tag: 'flaky' } });
    runWorker();
    await waitFor(async () => (await jobRow('flaky')).attempts === 1 && (await jobRow('flaky')).last_error !== null, 5_000, 'the first failure');
    expect(await effects('flaky')).toBe(0);
    expect((await jobRow('flaky')).last_error).toContain('planned failure');
    await waitFor(async () => (await jobRow('flaky')).state === 'done', 5_000, 'the retry done');
    expect(runs.get('flaky')).toBe(2);
    expect(await effects('flaky')).toBe(1);
    expect((await jobRow('flaky')).last_error).toBeNull();
  });

  it('gives a job up as dead after its last attempt, and one of an unknown kind at once', async () => {
    failuresLeft.set('hopeless', 100);
    await scheduleJob(db(), { kind: testJob.kind, key: 'hopeless', runAt: new Date(), payload: { tag: 'hopeless' } });
    await sqlPool().query("UPDATE jobs SET attempts = 9 WHERE key = 'hopeless'");
    await scheduleJob(db(), { kind: 'no-such-kind', key: 'unknown-kind', runAt: new Date() });
    runWorker();
    await waitFor(async () => (await jobRow('hopeless')).state === 'dead' && (await jobRow('unknown-kind')).state === 'dead', 5_000, 'both dead');
    expect((await jobRow('unknown-kind')).last_error).toContain('no handler');
    expect(await effects('hopeless')).toBe(0);
  });
});

describe('snooze expiry', () => {
  it('ends a snooze at its time: the message drops the snoozed line, the thread says so, the timeline shows the job', async () => {
    const alert = await ingestAlert(scope, trigger('snooze.x', 'critical', 'Disk almost full'));
    runWorker();
    await waitFor(async () => (await db().delivery.findFirst({ where: { alertId: alert.id, state: 'sent' } })) !== null, 10_000, 'posted');
    const snoozed = await changeAlertStatusFor(scope, alert.id, 'snooze');
    const [job] = await jobsOfAlert(workspaces.acme.id, alert.id);
    expect(job).toMatchObject({ kind: 'snooze-expiry', state: 'pending', runAt: snoozed.alert.snoozedUntil });
    // The API's alert timeline shows it.
    expect((await getAlertDetail(scope, alert.id)).jobs).toEqual([expect.objectContaining({ kind: 'snooze-expiry', state: 'pending', attempts: 0 })]);
    const message = () => emulator.state.messages(ALERTS).find((m) => JSON.stringify(m.blocks ?? []).includes(alert.id));
    await waitFor(() => JSON.stringify(message()?.blocks).includes('Snoozed until'), 10_000, 'message shows the snooze');

    // Time passes: the job comes due.
    await sqlPool().query("UPDATE jobs SET run_at = now() WHERE alert_id = $1 AND kind = 'snooze-expiry'", [alert.id]);
    await waitFor(async () => (await jobsOfAlert(workspaces.acme.id, alert.id))[0]?.state === 'done', 10_000, 'expiry job done');
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).snoozedUntil).toBeNull();
    const activity = await db().alertActivity.findMany({ where: { alertId: alert.id }, orderBy: { at: 'asc' } });
    expect(activity.map((entry) => entry.kind)).toEqual(['triggered', 'snoozed', 'snooze_ended']);
    await waitFor(() => !JSON.stringify(message()?.blocks).includes('Snoozed until'), 10_000, 'message without the snooze');
    const ts = message()!.ts;
    await waitFor(() => emulator.state.messages(ALERTS).some((m) => m.thread_ts === ts && String(m.text).startsWith('Snooze ended')), 10_000, 'thread reply');
  });

  it('resolving a snoozed alert cancels its expiry', async () => {
    const alert = await ingestAlert(scope, trigger('snooze.y', 'critical', 'Queue backing up'));
    await changeAlertStatusFor(scope, alert.id, 'snooze');
    await changeAlertStatusFor(scope, alert.id, 'resolve');
    expect((await jobsOfAlert(workspaces.acme.id, alert.id)).map((job) => job.state)).toEqual(['cancelled']);
  });
});

describe('retention', () => {
  it('deletes old event receipts, expired OAuth states and sessions, keeps recent ones, and schedules the next hour', async () => {
    await sqlPool().query(`INSERT INTO slack_event_receipts (event_id, type, received_at) VALUES ('EvOLD1', 'x', now() - interval '8 days'), ('EvNEW1', 'x', now() - interval '1 day')`);
    await sqlPool().query(`INSERT INTO oauth_states (nonce, purpose, expires_at) VALUES ('old-state', 'install', now() - interval '2 hours'), ('live-state', 'install', now() + interval '5 minutes')`);
    await sqlPool().query(`INSERT INTO sessions (id, token_hash, expires_at) VALUES ('old-session', 'h-old', now() - interval '1 day'), ('live-session', 'h-live', now() + interval '1 day')`);
    const hour = new Date().toISOString().slice(0, 13);
    await sqlPool().query("UPDATE jobs SET state = 'pending', run_at = now(), locked_until = NULL WHERE key = $1", [`retention:${hour}`]);
    runWorker();
    await waitFor(async () => (await sqlPool().query("SELECT 1 FROM jobs WHERE key = $1 AND state = 'done'", [`retention:${hour}`])).rowCount === 1, 10_000, 'retention ran');
    const left = async (sql: string) => (await sqlPool().query<{ id: string }>(sql)).rows.map((row) => row.id).sort();
    expect(await left(`SELECT event_id AS id FROM slack_event_receipts WHERE event_id IN ('EvOLD1', 'EvNEW1')`)).toEqual(['EvNEW1']);
    expect(await left(`SELECT nonce AS id FROM oauth_states WHERE nonce IN ('old-state', 'live-state')`)).toEqual(['live-state']);
    expect(await left(`SELECT id FROM sessions WHERE id IN ('old-session', 'live-session')`)).toEqual(['live-session']);
    const next = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
    const { rows } = await sqlPool().query<{ run_at: Date }>("SELECT run_at FROM jobs WHERE key = $1 AND state = 'pending'", [`retention:${next.toISOString().slice(0, 13)}`]);
    expect(rows[0]?.run_at.getTime()).toBe(next.getTime());
  });
});
