// Escalation on a real PostgreSQL with the Slack emulator over HTTP. The clock is the jobs' run_at: "N minutes
// pass" moves an alert's waiting jobs N minutes earlier, so each timing rule is checked without waiting, and
// a step is seen not to fire before its time. Each step fires exactly once, whatever the workers do.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as policies from '@/app/api/v1/escalation-policies/route';
import * as policy from '@/app/api/v1/escalation-policies/[id]/route';
import * as routes from '@/app/api/v1/routes/[id]/route';
import * as silences from '@/app/api/v1/silences/route';
import * as silence from '@/app/api/v1/silences/[id]/route';
import { getAlertDetail } from '@/lib/alerts/alert-views';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { ESCALATION_STEP_JOB } from '@/lib/escalation/escalation';
import { JOB_HANDLERS } from '@/lib/outbox/handlers';
import { claimJobs, runJobInTransaction } from '@/lib/outbox/jobs';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import type { AlertInput } from '@/lib/schemas/alert';
import { keyScope, waitFor } from '../support/alert-fixtures';
import { callApi } from '../support/api-call';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
let key: string;
let policyId: string;
const workers: Worker[] = [];

const ALERTS = 'C0ACMEALRT';
const ON_CALL = 'U0ACMEMEM2'; // the schedule's only participant
const SECOND = 'U0ACMEMEM1'; // paged by step 2
const dm = (user: string) => `D${user.slice(1)}`;

const runWorker = () => {
  const worker = startWorker({ pollMs: 30 });
  workers.push(worker);
  return worker;
};
const trigger = (title: string, eventType = 'esc.disk'): AlertInput => ({ action: 'trigger', eventType, severity: 'critical', title, fields: {}, links: [] });

/** minutesPass moves the alert's waiting jobs `minutes` earlier: as if that much time had passed. */
async function minutesPass(alertId: string, minutes: number): Promise<void> {
  await sqlPool().query(`UPDATE jobs SET run_at = run_at - $2 * interval '1 minute' WHERE alert_id = $1 AND state = 'pending'`, [alertId, minutes]);
}
const stepJobs = async (alertId: string) =>
  (await sqlPool().query<{ key: string; state: string; run_at: Date }>(`SELECT key, state, run_at FROM jobs WHERE alert_id = $1 AND kind = $2 ORDER BY created_at, key`, [alertId, ESCALATION_STEP_JOB])).rows;
const escalations = async (alertId: string) => (await db().alertActivity.findMany({ where: { alertId, kind: 'escalated' }, orderBy: { at: 'asc' } })).map((a) => a.note ?? '');
const dms = (user: string, title: string) => emulator.state.messages(dm(user)).filter((m) => String(m.text).includes(title));
const threadReplies = (alertTs: string) => emulator.state.messages(ALERTS).filter((m) => m.thread_ts === alertTs).map((m) => String(m.text));
const alertMessage = (alertId: string) => emulator.state.messages(ALERTS).find((m) => JSON.stringify(m.blocks ?? []).includes(alertId));
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope, key } = await keyScope(workspaces.acme.id));
  const schedule = await db().schedule.create({
    data: { workspaceId: workspaces.acme.id, name: 'Primary', rotations: [{ kind: 'daily', startDate: '2026-01-01', handoffTime: '09:00', timeZone: 'Europe/Berlin', participants: [ON_CALL] }] },
  });
  const created = await callApi(policies.POST, '/api/v1/escalation-policies', {
    key,
    method: 'POST',
    body: {
      name: 'Payments',
      repeat: 1,
      steps: [
        { after_minutes: 5, targets: [{ type: 'schedule', id: schedule.id }] },
        { after_minutes: 10, targets: [{ type: 'user', id: SECOND }, { type: 'here' }] },
      ],
    },
  });
  expect(created.status).toBe(201);
  policyId = String(created.json.id);
  await db().route.create({
    data: { workspaceId: workspaces.acme.id, name: 'esc', eventTypes: ['esc.*'], severities: ['critical'], channelIds: [ALERTS], position: 0, escalationPolicyId: policyId },
  });
  forgetRoutingConfig(workspaces.acme.id);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await emulator.close();
  await dropOwnDatabase();
});

describe('an unacknowledged alert escalates', () => {
  it('step by step at its times, DMing each person and mentioning them in the thread, then repeats, until acknowledged', async () => {
    const alert = await ingestAlert(scope, trigger('Disk full on db-1'));
    runWorker();
    const posted = await waitFor(() => alertMessage(alert.id), 10_000, 'the alert posted');
    const [first] = await stepJobs(alert.id);
    expect(first).toMatchObject({ key: `${ESCALATION_STEP_JOB}:${alert.id}:0:0:0`, state: 'pending' });
    const created = (await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).createdAt;
    expect(Math.round((first!.run_at.getTime() - created.getTime()) / 60_000)).toBe(5);

    await minutesPass(alert.id, 4);
    await settle();
    expect(await escalations(alert.id)).toEqual([]);

    await minutesPass(alert.id, 1);
    await waitFor(async () => (await escalations(alert.id)).length === 1, 10_000, 'step 1');
    expect((await escalations(alert.id))[0]).toBe(`Escalation step 1 of 2: paged <@${ON_CALL}>`);
    await waitFor(() => dms(ON_CALL, 'Disk full on db-1').length === 1, 10_000, 'the DM to the on-call person');
    await waitFor(() => threadReplies(posted.ts).some((text) => text.includes(`Escalation step 1 of 2: still not acknowledged — <@${ON_CALL}>`)), 10_000, 'thread mention');
    expect(emulator.state.calls('conversations.open')).toContainEqual(expect.objectContaining({ ok: true, params: expect.objectContaining({ users: ON_CALL }) as unknown }));

    await minutesPass(alert.id, 9);
    await settle();
    expect(await escalations(alert.id)).toHaveLength(1);
    await minutesPass(alert.id, 1);
    await waitFor(async () => (await escalations(alert.id)).length === 2, 10_000, 'step 2');
    expect((await escalations(alert.id))[1]).toBe(`Escalation step 2 of 2: paged <@${SECOND}>, <!here>`);
    await waitFor(() => dms(SECOND, 'Disk full on db-1').length === 1, 10_000, 'the DM of step 2');

    // The policy repeats once: its first step again, 5 minutes later.
    await minutesPass(alert.id, 5);
    await waitFor(async () => (await escalations(alert.id)).length === 3, 10_000, 'the repeat');
    expect((await escalations(alert.id))[2]).toBe(`Escalation step 1 of 2 (repeat 1 of 1): paged <@${ON_CALL}>`);

    await changeAlertStatusFor(scope, alert.id, 'acknowledge');
    expect((await stepJobs(alert.id)).map((job) => job.state)).toEqual(['done', 'done', 'done', 'cancelled']);
    await minutesPass(alert.id, 60);
    await settle();
    expect(await escalations(alert.id)).toHaveLength(3);
    expect(dms(ON_CALL, 'Disk full on db-1')).toHaveLength(2);
    // Every step is in the alert's timeline: activity and jobs alike.
    const detail = await getAlertDetail(scope, alert.id);
    expect(detail.jobs.filter((job) => job.kind === ESCALATION_STEP_JOB)).toHaveLength(4);
  });

  it('acknowledge, resolve and snooze stop it; reopening restarts it from the first step; the end of a snooze resumes it at once', async () => {
    const acked = await ingestAlert(scope, trigger('Queue backing up'));
    await changeAlertStatusFor(scope, acked.id, 'acknowledge');
    expect((await stepJobs(acked.id)).map((job) => job.state)).toEqual(['cancelled']);

    const reopened = await ingestAlert(scope, trigger('Cert expires'));
    await changeAlertStatusFor(scope, reopened.id, 'resolve');
    await changeAlertStatusFor(scope, reopened.id, 'reopen');
    expect((await stepJobs(reopened.id)).map((job) => [job.key.split(':').slice(2).join(':'), job.state])).toEqual([
      ['0:0:0', 'cancelled'],
      ['1:0:0', 'pending'],
    ]);

    const snoozed = await ingestAlert(scope, trigger('Latency high'));
    await changeAlertStatusFor(scope, snoozed.id, 'snooze');
    expect((await stepJobs(snoozed.id)).map((job) => job.state)).toEqual(['cancelled']);
    runWorker();
    await minutesPass(snoozed.id, 60); // the snooze ends
    await waitFor(async () => (await escalations(snoozed.id)).length === 1, 10_000, 'escalation resumed after the snooze');
    await waitFor(() => dms(ON_CALL, 'Latency high').length === 1, 10_000, 'the DM after the snooze');
  });

  it('a step fires once: racing workers, a worker killed mid-step, and the same claim run twice', async () => {
    const alert = await ingestAlert(scope, trigger('Replica lag'));
    await minutesPass(alert.id, 5);
    // A worker claims the step and dies (SIGKILL) before finishing: its lease runs out.
    const [orphaned] = (await claimJobs(50, 300)).filter((job) => job.alertId === alert.id);
    expect(orphaned?.kind).toBe(ESCALATION_STEP_JOB);
    runWorker();
    runWorker();
    runWorker();
    await waitFor(async () => (await escalations(alert.id)).length === 1, 10_000, 'step 1 after the takeover');
    // The dead worker wakes up and runs the claim it held, twice at once: nothing runs.
    const handler = JOB_HANDLERS.get(ESCALATION_STEP_JOB)!;
    const late = await Promise.all([1, 2].map(() => runJobInTransaction(orphaned!, (tx) => handler.run({ ...orphaned!, payload: handler.payload.parse(orphaned!.payload) }, tx))));
    expect(late.map((outcome) => outcome.ran)).toEqual([false, false]);
    await waitFor(() => dms(ON_CALL, 'Replica lag').length === 1, 10_000, 'the DM');
    await settle();
    expect(await escalations(alert.id)).toHaveLength(1);
    expect(dms(ON_CALL, 'Replica lag')).toHaveLength(1);
    const keys = (await stepJobs(alert.id)).map((job) => job.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a silenced alert pages nobody while held; when the silence ends and posts it, its escalation starts then', async () => {
    const created = await callApi(silences.POST, '/api/v1/silences', {
      key,
      method: 'POST',
      body: { event_type: 'esc.held', ends_at: new Date(Date.now() + 3_600_000).toISOString(), comment: 'deploy' },
    });
    expect(created.status).toBe(201);
    forgetRoutingConfig(workspaces.acme.id);
    const held = await ingestAlert(scope, trigger('Held back', 'esc.held'));
    const acked = await ingestAlert(scope, trigger('Held and acknowledged', 'esc.held'));
    await changeAlertStatusFor(scope, acked.id, 'acknowledge');
    expect(await stepJobs(held.id)).toEqual([]);
    runWorker();
    const id = String(created.json.id);
    expect((await callApi(silence.DELETE, `/api/v1/silences/${id}`, { key, method: 'DELETE', params: { id } })).status).toBe(200);
    await waitFor(() => alertMessage(held.id), 10_000, 'the held alert posted');
    const [first] = await stepJobs(held.id);
    expect(first).toMatchObject({ key: `${ESCALATION_STEP_JOB}:${held.id}:1:0:0`, state: 'pending' });
    // Its first step is 5 minutes after the release, not after the alert arrived.
    expect(Math.round((first!.run_at.getTime() - Date.now()) / 60_000)).toBe(5);
    expect((await db().alert.findUniqueOrThrow({ where: { id: held.id } })).onCallUserId).toBe(ON_CALL);
    expect(JSON.stringify(alertMessage(held.id)!.blocks)).toContain(`On call: <@${ON_CALL}>`);
    await minutesPass(held.id, 5);
    await waitFor(async () => (await escalations(held.id)).length === 1, 10_000, 'step 1 after the release');
    await waitFor(() => dms(ON_CALL, 'Held back').length === 1, 10_000, 'the DM after the release');
    // An alert acknowledged while held is posted but pages nobody.
    await waitFor(() => alertMessage(acked.id), 10_000, 'the acknowledged alert posted');
    expect(await stepJobs(acked.id)).toEqual([]);
  });

  it('a permanent DM failure is said in the timeline instead of retried forever', async () => {
    await db().escalationPolicy.update({ where: { id: policyId }, data: { steps: [{ afterMinutes: 0, targets: [{ type: 'user', id: 'U0NOBODY9' }] }], repeat: 0 } });
    const alert = await ingestAlert(scope, trigger('Nobody home'));
    runWorker();
    await waitFor(async () => (await db().alertActivity.findFirst({ where: { alertId: alert.id, kind: 'comment' } }))?.note, 10_000, 'the failure noted');
    expect((await db().alertActivity.findFirst({ where: { alertId: alert.id, kind: 'comment' } }))?.note).toBe('Could not notify <@U0NOBODY9>: user_not_found');
  });
});

describe('/api/v1/escalation-policies', () => {
  it('validates steps with errors naming the field, refuses another workspace\'s schedule, and is scoped by workspace', async () => {
    const bad = async (body: unknown) => (await callApi(policies.POST, '/api/v1/escalation-policies', { key, method: 'POST', body })).json.error!;
    expect((await bad({ name: 'x', steps: [] })).details).toContainEqual(expect.objectContaining({ field: 'steps' }));
    expect((await bad({ name: 'x', steps: [{ after_minutes: -1, targets: [{ type: 'here' }] }] })).details).toContainEqual(expect.objectContaining({ field: 'steps.0.after_minutes' }));
    expect((await bad({ name: 'x', steps: [{ after_minutes: 1, targets: [{ type: 'pager' }] }] })).details).toContainEqual({ field: 'steps.0.targets.0.type', message: 'must be one of schedule, user, user_group, channel, here' });
    expect((await bad({ name: 'x', steps: [{ after_minutes: 1, targets: [{ type: 'user', id: 'ada' }] }] })).details).toContainEqual(expect.objectContaining({ field: 'steps.0.targets.0.id' }));
    expect((await bad({ name: 'x', steps: [{ after_minutes: 1, targets: [{ type: 'schedule', id: 'nope' }] }] })).message).toBe('steps (the 1st step) targets (the 1st target) id: no such schedule');

    await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
    const { key: otherKey } = await keyScope(workspaces.globex.id);
    expect((await callApi(policy.GET, `/api/v1/escalation-policies/${policyId}`, { key: otherKey, params: { id: policyId } })).status).toBe(404);
    expect((await callApi(policy.GET, `/api/v1/escalation-policies/${policyId}`, { key, params: { id: policyId } })).json).toMatchObject({ name: 'Payments' });
    const patched = await callApi(policy.PATCH, `/api/v1/escalation-policies/${policyId}`, { key, method: 'PATCH', body: { repeat: 2 }, params: { id: policyId } });
    expect(patched.json).toMatchObject({ repeat: 2 });
    expect((await callApi(policies.GET, '/api/v1/escalation-policies', { key })).json.escalation_policies).toHaveLength(1);
    // A route uses it: deleting it is refused until the route lets go.
    const route = await db().route.findFirstOrThrow({ where: { workspaceId: scope.workspaceId, escalationPolicyId: policyId } });
    expect((await callApi(policy.DELETE, `/api/v1/escalation-policies/${policyId}`, { key, method: 'DELETE', params: { id: policyId } })).status).toBe(409);
    expect((await callApi(routes.PATCH, `/api/v1/routes/${route.id}`, { key, method: 'PATCH', body: { escalation_policy_id: 'nope' }, params: { id: route.id } })).json.error?.message).toBe('escalation_policy_id: no such escalation policy');
    expect((await callApi(routes.PATCH, `/api/v1/routes/${route.id}`, { key, method: 'PATCH', body: { escalation_policy_id: null }, params: { id: route.id } })).json).toMatchObject({ escalation_policy_id: null });
    expect((await callApi(policy.DELETE, `/api/v1/escalation-policies/${policyId}`, { key, method: 'DELETE', params: { id: policyId } })).status).toBe(204);
  });
});
