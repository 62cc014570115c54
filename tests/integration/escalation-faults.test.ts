// The fault test of escalation and reminders: real worker processes (Klaxon's worker, a 1.5 s lease) share the
// database while the test moves the clock — the jobs' run_at — one minute at a time across every step time,
// and SIGKILLs a worker at a random moment around each (then starts another). However the kills fall, each
// escalation step and each reminder fires exactly once: once in the timeline, one thread reply, one DM per
// person, counted in the Slack emulator.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { env } from '@/lib/env';
import { startWorker } from '@/lib/outbox/worker';
import { keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
const workers = new Set<ChildProcess>();

const ALERTS = 'C0ACMEALRT';
const ON_CALL = 'U0ACMEMEM2';
const SECOND = 'U0ACMEMEM1';
const LEASE_MS = 1_500;
const TICKS = 5; // minutes passed, one at a time: steps at 1, 2, 3, 4 min; reminders at 1, 2, 3, 4, 5 min
const root = path.resolve(__dirname, '..', '..');

// A fixed sequence (a small LCG): each run kills at the same moments, so a failure replays.
let seed = 12;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function spawnWorker(): Promise<ChildProcess> {
  const config = env();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests', 'support', 'fault-worker.ts'), String(LEASE_MS)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: config.databaseUrl,
      SLACK_API_URL: config.slack.apiUrl,
      APP_URL: config.appUrl,
      SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      SLACK_CLIENT_ID: '',
      SLACK_CLIENT_SECRET: '',
      LOG_LEVEL: 'error',
    },
  });
  workers.add(child);
  child.on('exit', () => workers.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return child;
}

/** killOne SIGKILLs a random live worker: whatever it held stays leased until its lease ends. */
function killOne(): void {
  const live = [...workers];
  live[Math.floor(random() * live.length)]?.kill('SIGKILL');
}

/** killAll SIGKILLs every worker (the one that holds a job among them) and waits until they are gone. */
async function killAll(): Promise<void> {
  const live = [...workers];
  for (const child of live) child.kill('SIGKILL');
  await Promise.all(live.map((child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)))));
}

// A job of these alerts is leased: a worker is running it (a step, a DM, a reminder) right now.
const leased = async (alertIds: string[]) =>
  (await sqlPool().query(`SELECT 1 FROM jobs WHERE alert_id = ANY($1) AND state = 'pending' AND locked_until > now()`, [alertIds])).rowCount! > 0;

const minutePasses = (alertIds: string[]) => sqlPool().query(`UPDATE jobs SET run_at = run_at - interval '1 minute' WHERE alert_id = ANY($1) AND state = 'pending'`, [alertIds]);
// Settled: no job of these alerts is due (a killed worker's jobs are due again once their lease ends).
const settled = async (alertIds: string[]) =>
  (await sqlPool().query(`SELECT 1 FROM jobs WHERE alert_id = ANY($1) AND state = 'pending' AND run_at <= now()`, [alertIds])).rowCount === 0 &&
  (await sqlPool().query(`SELECT 1 FROM thread_replies WHERE workspace_id = $1 AND sent_at IS NULL AND NOT dead`, [workspaces.acme.id])).rowCount === 0;
const dms = (user: string, title: string) => emulator.state.messages(`D${user.slice(1)}`).filter((m) => String(m.text).includes(title));
const replies = (alertTs: string, text: string) => emulator.state.messages(ALERTS).filter((m) => m.thread_ts === alertTs && String(m.text).includes(text));

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  const workspaceId = workspaces.acme.id;
  const schedule = await db().schedule.create({
    data: { workspaceId, name: 'Primary', rotations: [{ kind: 'daily', startDate: '2026-01-01', handoffTime: '09:00', timeZone: 'UTC', participants: [ON_CALL] }] },
  });
  const policy = await db().escalationPolicy.create({
    data: { workspaceId, name: 'Fast', repeat: 1, steps: [{ afterMinutes: 1, targets: [{ type: 'schedule', id: schedule.id }] }, { afterMinutes: 1, targets: [{ type: 'user', id: SECOND }] }] },
  });
  await db().route.create({
    data: { workspaceId, name: 'faults', eventTypes: ['fault.*'], severities: ['critical'], channelIds: [ALERTS], position: 0, escalationPolicyId: policy.id, reminderMinutes: 1 },
  });
  forgetRoutingConfig(workspaceId);
}, 60_000);
afterAll(async () => {
  for (const child of workers) child.kill('SIGKILL');
  await emulator.close();
  await dropOwnDatabase();
});

describe('workers killed around step times', () => {
  it('each escalation step and each reminder fires exactly once', { timeout: 180_000 }, async () => {
    // The alerts are posted first (by a worker in this process), so that every step has a thread to reply in.
    const titles = ['Disk full', 'Queue stuck', 'Replica lag', 'Cert expiring', 'Latency high', 'Errors up'];
    const alerts: Array<Awaited<ReturnType<typeof ingestAlert>>> = [];
    for (const title of titles) alerts.push(await ingestAlert(scope, { action: 'trigger', eventType: 'fault.x', severity: 'critical', title, fields: {}, links: [] }));
    const poster = startWorker({ pollMs: 30 });
    const posted = await waitFor(
      async () => {
        const sent = await db().delivery.findMany({ where: { alertId: { in: alerts.map((a) => a.id) }, state: 'sent' } });
        return sent.length === alerts.length ? new Map(sent.map((d) => [d.alertId, d.messageTs!])) : null;
      },
      20_000,
      'every alert posted',
    );
    await poster.stop();
    const escalating = alerts.slice(0, 3);
    const acknowledged = alerts.slice(3);
    for (const alert of acknowledged) await changeAlertStatusFor(scope, alert.id, 'acknowledge');
    const ids = alerts.map((a) => a.id);

    await Promise.all([spawnWorker(), spawnWorker(), spawnWorker()]);
    for (let tick = 1; tick <= TICKS; tick += 1) {
      await minutePasses(ids);
      if (tick % 2 === 1) {
        // In the middle of the step time: every worker dies while one of them holds a job of it.
        await waitFor(() => leased(ids), 5_000, `a job of tick ${tick} leased`);
        await killAll();
        await Promise.all([spawnWorker(), spawnWorker()]);
      } else {
        // Around it: one worker, at a random moment just after the step time.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 120)));
        killOne();
        await spawnWorker();
      }
      await waitFor(() => settled(ids), 30_000, `tick ${tick} settled`);
    }
    // The notices (DMs) of the last steps and replies in threads have drained.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 500));
    await waitFor(() => settled(ids), 30_000, 'settled');

    for (const [index, alert] of escalating.entries()) {
      const title = titles[index]!;
      const steps = (await db().alertActivity.findMany({ where: { alertId: alert.id, kind: 'escalated' }, orderBy: { at: 'asc' } })).map((a) => a.note);
      expect(steps, title).toEqual([
        `Escalation step 1 of 2: paged <@${ON_CALL}>`,
        `Escalation step 2 of 2: paged <@${SECOND}>`,
        `Escalation step 1 of 2 (repeat 1 of 1): paged <@${ON_CALL}>`,
        `Escalation step 2 of 2 (repeat 1 of 1): paged <@${SECOND}>`,
      ]);
      await waitFor(() => dms(ON_CALL, title).length >= 2 && dms(SECOND, title).length >= 2, 20_000, `the DMs of ${title}`);
      expect([dms(ON_CALL, title).length, dms(SECOND, title).length], title).toEqual([2, 2]);
      expect(replies(posted.get(alert.id)!, 'still not acknowledged').length, title).toBe(4);
    }
    for (const alert of acknowledged) {
      const reminders = await db().alertActivity.count({ where: { alertId: alert.id, kind: 'comment', note: { startsWith: ':alarm_clock: Reminder' } } });
      expect(reminders).toBe(TICKS);
      expect(replies(posted.get(alert.id)!, 'Reminder: acknowledged by').length).toBe(TICKS);
    }
    // Every job key is unique, and none was given up.
    const { rows } = await sqlPool().query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM jobs WHERE alert_id = ANY($1) GROUP BY state`, [ids]);
    expect(rows.find((row) => row.state === 'dead')).toBeUndefined();
    // The kills did land mid-job: steps and reminders whose worker died were run again by another, yet once.
    const retaken = await sqlPool().query<{ kind: string }>(`SELECT DISTINCT kind FROM jobs WHERE alert_id = ANY($1) AND attempts > 1 AND state = 'done'`, [ids]);
    expect(retaken.rows.map((row) => row.kind).sort()).toEqual(expect.arrayContaining(['escalation-step', 'reminder']));
  });
});
