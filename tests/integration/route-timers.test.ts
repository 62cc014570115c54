// A route's timing rules on a real PostgreSQL with the emulator: auto-resolve after N minutes without an
// occurrence, reminders of acknowledged alerts still open (optionally back to triggered, escalating again).
// The clock is the jobs' run_at: "N minutes pass" moves the alert's waiting jobs N minutes earlier.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { JOB_HANDLERS } from '@/lib/outbox/handlers';
import { claimJobs, runJobInTransaction } from '@/lib/outbox/jobs';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import type { AlertInput } from '@/lib/schemas/alert';
import { keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
const workers: Worker[] = [];
const ALERTS = 'C0ACMEALRT';
const PAGED = 'U0ACMEMEM2';

const trigger = (eventType: string, title: string, dedupKey?: string): AlertInput => ({ action: 'trigger', eventType, severity: 'critical', title, fields: {}, links: [], ...(dedupKey ? { dedupKey } : {}) });
async function minutesPass(alertId: string, minutes: number) {
  await sqlPool().query(`UPDATE jobs SET run_at = run_at - $2 * interval '1 minute' WHERE alert_id = $1 AND state = 'pending'`, [alertId, minutes]);
}
const jobs = async (alertId: string, kind: string) =>
  (await sqlPool().query<{ key: string; state: string }>(`SELECT key, state FROM jobs WHERE alert_id = $1 AND kind = $2 ORDER BY created_at, key`, [alertId, kind])).rows;
const threadTexts = () => emulator.state.messages(ALERTS).filter((m) => m.thread_ts).map((m) => String(m.text));

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  const workspaceId = workspaces.acme.id;
  const policy = await db().escalationPolicy.create({ data: { workspaceId, name: 'Now', steps: [{ afterMinutes: 0, targets: [{ type: 'user', id: PAGED }] }] } });
  const base = { workspaceId, severities: ['critical' as const], channelIds: [ALERTS] };
  await db().route.create({ data: { ...base, name: 'auto', eventTypes: ['auto.*'], position: 0, autoResolveMinutes: 30 } });
  await db().route.create({ data: { ...base, name: 'remind', eventTypes: ['remind.*'], position: 1, reminderMinutes: 60 } });
  await db().route.create({ data: { ...base, name: 'retrigger', eventTypes: ['again.*'], position: 2, reminderMinutes: 60, reminderRetrigger: true, escalationPolicyId: policy.id } });
  forgetRoutingConfig(workspaceId);
  workers.push(startWorker({ pollMs: 30 }));
});
afterEach(() => new Promise((resolve) => setTimeout(resolve, 50)));
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await emulator.close();
  await dropOwnDatabase();
});

describe('auto-resolve', () => {
  it('resolves after N minutes without an occurrence; each occurrence starts the count again; the timeline says why', async () => {
    const first = await ingestAlert(scope, trigger('auto.cpu', 'CPU high', 'cpu/web-1'));
    await minutesPass(first.id, 20);
    const again = await ingestAlert(scope, trigger('auto.cpu', 'CPU high', 'cpu/web-1'));
    expect(again).toMatchObject({ id: first.id, created: false, occurrences: 2 });
    expect((await jobs(first.id, 'auto-resolve')).map((job) => job.key.split(':').at(-1))).toEqual(['1', '2']);

    // 30 minutes after the first occurrence, but only 10 after the second: still open.
    await minutesPass(first.id, 10);
    await waitFor(async () => (await jobs(first.id, 'auto-resolve'))[0]?.state === 'done', 10_000, 'the first check');
    expect((await db().alert.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('triggered');

    await minutesPass(first.id, 20);
    await waitFor(async () => (await db().alert.findUniqueOrThrow({ where: { id: first.id } })).status === 'resolved', 10_000, 'auto-resolved');
    const resolved = await db().alertActivity.findFirstOrThrow({ where: { alertId: first.id, kind: 'resolved' } });
    expect(resolved).toMatchObject({ actorType: 'system', actorName: 'Klaxon', via: 'system', note: 'no occurrence for 30 minutes' });
  });
});

describe('reminders', () => {
  it('remind an acknowledged alert still open after N minutes, mentioning who acknowledged, and again every N minutes', async () => {
    const alert = await ingestAlert(scope, trigger('remind.disk', 'Disk 95%'));
    await waitFor(async () => (await db().delivery.findFirst({ where: { alertId: alert.id, state: 'sent' } })) !== null, 10_000, 'posted');
    await changeAlertStatusFor(scope, alert.id, 'acknowledge');
    expect((await jobs(alert.id, 'reminder')).map((job) => job.state)).toEqual(['pending']);
    await minutesPass(alert.id, 59);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await jobs(alert.id, 'reminder'))[0]!.state).toBe('pending');
    await minutesPass(alert.id, 1);
    await waitFor(() => threadTexts().some((text) => /^:alarm_clock: Reminder: acknowledged by tests [\d.]+ h ago and still open\.$/.test(text)), 10_000, 'the reminder');
    expect((await jobs(alert.id, 'reminder')).map((job) => job.state)).toEqual(['done', 'pending']);
    // Resolving ends the reminders.
    await changeAlertStatusFor(scope, alert.id, 'resolve');
    expect((await jobs(alert.id, 'reminder')).map((job) => job.state)).toEqual(['done', 'cancelled']);
  });

  it('with reminder_retrigger, return the alert to triggered and escalate again', async () => {
    const alert = await ingestAlert(scope, trigger('again.queue', 'Queue stuck'));
    await waitFor(() => emulator.state.messages(`D${PAGED.slice(1)}`).filter((m) => String(m.text).includes('Queue stuck')).length === 1, 10_000, 'the first page');
    await changeAlertStatusFor(scope, alert.id, 'acknowledge');
    await minutesPass(alert.id, 60);
    await waitFor(async () => (await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).status === 'triggered', 10_000, 'back to triggered');
    await waitFor(() => emulator.state.messages(`D${PAGED.slice(1)}`).filter((m) => String(m.text).includes('Queue stuck')).length === 2, 10_000, 'paged again');
    expect((await db().alertActivity.findMany({ where: { alertId: alert.id }, orderBy: { at: 'asc' } })).map((a) => a.kind)).toEqual(['triggered', 'escalated', 'acknowledged', 'reopened', 'escalated']);
  });

  it('a reminder fires once: its worker killed mid-job, others racing, the dead worker back with its stale claim', async () => {
    const alert = await ingestAlert(scope, trigger('remind.mem', 'Memory leak'));
    await waitFor(async () => (await db().delivery.findFirst({ where: { alertId: alert.id, state: 'sent' } })) !== null, 10_000, 'posted');
    await changeAlertStatusFor(scope, alert.id, 'acknowledge');
    // Stop the shared worker so that the dead one claims first.
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await minutesPass(alert.id, 60);
    const [orphaned] = (await claimJobs(50, 300)).filter((job) => job.alertId === alert.id && job.kind === 'reminder');
    expect(orphaned).toBeDefined();
    workers.push(startWorker({ pollMs: 30 }), startWorker({ pollMs: 30 }), startWorker({ pollMs: 30 }));
    const reminders = () => threadTexts().filter((text) => text.startsWith(':alarm_clock:') && text.includes('still open'));
    const before = reminders().length;
    await waitFor(async () => (await jobs(alert.id, 'reminder'))[0]?.state === 'done', 10_000, 'the reminder after the takeover');
    const handler = JOB_HANDLERS.get('reminder')!;
    const late = await Promise.all([1, 2].map(() => runJobInTransaction(orphaned!, (tx) => handler.run({ ...orphaned!, payload: handler.payload.parse(orphaned!.payload) }, tx))));
    expect(late.map((outcome) => outcome.ran)).toEqual([false, false]);
    await waitFor(() => reminders().length === before + 1, 10_000, 'one reminder in the thread');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminders()).toHaveLength(before + 1);
    expect(await db().alertActivity.count({ where: { alertId: alert.id, kind: 'comment', note: { startsWith: ':alarm_clock:' } } })).toBe(1);
  });
});
