// A schedule's Slack user group kept equal to who is on call, on a real PostgreSQL with the Slack emulator over
// HTTP and a worker: set at once when the schedule gets one, changed at each hand-off (here the start and the
// end of an override, seconds away, so real time is the clock), set again at once after an edit while the
// older chain of jobs stands down, and a group Slack does not know logged without stopping the chain.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as schedules from '@/app/api/v1/schedules/route';
import * as schedule from '@/app/api/v1/schedules/[id]/route';
import { sqlPool } from '@/lib/db';
import { USER_GROUP_SYNC_JOB } from '@/lib/oncall/schedules';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { keyScope, waitFor } from '../support/alert-fixtures';
import { callApi } from '../support/api-call';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let key: string;
let worker: Worker;

const GROUP = 'S0ACMEONC1'; // the sandbox's seeded @payments-oncall
const ROTATION = 'U0ACMEMEM2';
const STAND_IN = 'U0ACMEMEM1';

const members = () => emulator.state.directory.workspace(workspaces.acme.id)!.userGroups!.find((g) => g.id === GROUP)!.users;
const updates = () => emulator.state.calls('usergroups.users.update').map((call) => [call.params.usergroup, call.params.users, call.ok ? 'ok' : call.error]);
const syncJobs = async (scheduleId: string) =>
  (await sqlPool().query<{ state: string; run_at: Date }>(`SELECT state, run_at FROM jobs WHERE kind = $1 AND payload->>'scheduleId' = $2 ORDER BY run_at, created_at`, [USER_GROUP_SYNC_JOB, scheduleId])).rows;

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ key } = await keyScope(workspaces.acme.id));
  worker = startWorker({ pollMs: 30 });
});
afterEach(() => emulator.state.clearCalls());
afterAll(async () => {
  await worker.stop();
  await emulator.close();
  await dropOwnDatabase();
});

describe("a schedule's Slack user group", () => {
  it('follows who is on call: set at once, then at the start and the end of an override, each hand-off once', async () => {
    const at = (seconds: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000).toISOString();
    const created = await callApi(schedules.POST, '/api/v1/schedules', {
      key,
      method: 'POST',
      body: {
        name: 'Payments',
        user_group_id: GROUP,
        rotations: [{ kind: 'daily', start_date: '2026-01-01', handoff_time: '00:00', time_zone: 'UTC', participants: [ROTATION] }],
        overrides: [{ user: STAND_IN, start: at(3), end: at(5) }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.user_group_id).toBe(GROUP);
    const id = String(created.json.id);
    await waitFor(() => members().join() === ROTATION, 10_000, 'the group set at once');
    await waitFor(() => members().join() === STAND_IN, 10_000, 'the override starts');
    await waitFor(() => members().join() === ROTATION, 10_000, 'the override ends');
    expect(updates()).toEqual([
      [GROUP, ROTATION, 'ok'],
      [GROUP, STAND_IN, 'ok'],
      [GROUP, ROTATION, 'ok'],
    ]);
    // Three syncs ran; the next waits for tomorrow's hand-off (a daily rotation of one person: no change).
    await waitFor(async () => (await syncJobs(id)).every((job) => job.state === 'done'), 10_000, 'the last sync committed');
    expect((await syncJobs(id)).map((job) => job.state)).toEqual(['done', 'done', 'done']);
  });

  it('an edit sets the group again at once and the older chain stands down; a group Slack does not know is logged, the chain goes on', async () => {
    const at = (seconds: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000).toISOString();
    const created = await callApi(schedules.POST, '/api/v1/schedules', {
      key,
      method: 'POST',
      body: {
        name: 'Storage',
        user_group_id: GROUP,
        rotations: [{ kind: 'daily', start_date: '2026-01-01', handoff_time: '00:00', time_zone: 'UTC', participants: [ROTATION] }],
        overrides: [{ user: STAND_IN, start: at(60), end: at(120) }],
      },
    });
    const id = String(created.json.id);
    // The old chain's job, at the old start (in a minute; the job that set the group at once may still be pending).
    const plannedAtStart = () =>
      sqlPool().query<{ id: string }>(`SELECT id FROM jobs WHERE kind = $1 AND payload->>'scheduleId' = $2 AND state = 'pending' AND run_at > now() + interval '30 seconds'`, [USER_GROUP_SYNC_JOB, id]);
    await waitFor(async () => (await plannedAtStart()).rowCount === 1, 10_000, 'the next sync planned at the override');
    const [oldJob] = (await plannedAtStart()).rows;
    // The override moves to start in 2 s: the old job must not run the group a second time.
    const edited = await callApi(schedule.PATCH, `/api/v1/schedules/${id}`, { key, method: 'PATCH', params: { id }, body: { overrides: [{ user: STAND_IN, start: at(2), end: at(100) }] } });
    expect(edited.status).toBe(200);
    await waitFor(() => members().join() === STAND_IN, 10_000, 'the moved override starts');
    // The old chain's job (at the old start, in a minute; the new chain's is at the end, later) comes due now.
    // (Picked by id: the new chain's job at the start may still be pending, committing, when the group is set.)
    const stale = await sqlPool().query<{ id: string }>(`UPDATE jobs SET run_at = now() WHERE id = $1 AND state = 'pending' RETURNING id`, [oldJob!.id]);
    expect(stale.rows).toHaveLength(1);
    await waitFor(async () => (await sqlPool().query(`SELECT 1 FROM jobs WHERE id = $1 AND state = 'done'`, [stale.rows[0]!.id])).rowCount === 1, 10_000, 'the stale job done');
    // The new chain, at the override's end (its job at the start may still be planning it: under load it runs after the stale one).
    await waitFor(async () => {
      const pending = (await syncJobs(id)).filter((job) => job.state === 'pending');
      return pending.length === 1 && pending[0]!.run_at.getTime() > Date.now();
    }, 10_000, 'one sync planned, not yet due');
    expect((await syncJobs(id)).filter((job) => job.state === 'pending')).toHaveLength(1);
    expect(updates().filter(([, users]) => users === STAND_IN)).toHaveLength(1);
    expect(members()).toEqual([STAND_IN]);

    const unknown = await callApi(schedule.PATCH, `/api/v1/schedules/${id}`, { key, method: 'PATCH', params: { id }, body: { user_group_id: 'S0NOSUCH1' } });
    expect(unknown.status).toBe(200);
    await waitFor(() => updates().some(([group, , outcome]) => group === 'S0NOSUCH1' && outcome === 'no_such_subteam'), 10_000, 'the refused update');
    await waitFor(async () => (await syncJobs(id)).at(-1)?.state === 'pending', 10_000, 'the next hand-off still planned');
    expect((await syncJobs(id)).filter((job) => job.state === 'dead')).toEqual([]);

    const bad = await callApi(schedule.PATCH, `/api/v1/schedules/${id}`, { key, method: 'PATCH', params: { id }, body: { user_group_id: 'payments' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.details).toContainEqual({ field: 'user_group_id', message: 'must be a Slack user group id such as S0123ABCD' });
  });
});
