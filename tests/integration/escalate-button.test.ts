// The Escalate button and "On call: @x" on alert messages, clicked in the Slack emulator (signed block_actions
// over real HTTP into Klaxon's endpoint): each click runs the next step now, DMs and all. "Add responders…" opens
// a modal (views.open with the click's trigger_id) whose submission pages a person or a schedule's on-call now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { slackSignatureHeaders } from '@/emulator/signing';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { waitFor } from '../support/alert-fixtures';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let scope: WorkspaceScope;
let worker: Worker;
let scheduleId: string;

const ALERTS = 'C0ACMEALRT';
const ON_CALL = 'U0ACMEMEM2';
const LEAD = 'U0ACMEMEM1';

beforeAll(async () => {
  sandbox = await startInstalledSandbox();
  ({ emulator, workspaces, app, scope } = sandbox);
  const workspaceId = workspaces.acme.id;
  const schedule = (await db().schedule.create({
    data: { workspaceId, name: 'Primary', rotations: [{ kind: 'weekly', startDate: '2026-01-05', handoffTime: '09:00', timeZone: 'America/New_York', participants: [ON_CALL] }] },
  }));
  scheduleId = schedule.id;
  const policy = await db().escalationPolicy.create({
    data: { workspaceId, name: 'Slow', steps: [{ afterMinutes: 30, targets: [{ type: 'schedule', id: schedule.id }] }, { afterMinutes: 30, targets: [{ type: 'user', id: LEAD }] }] },
  });
  await db().route.create({ data: { workspaceId, name: 'svc', eventTypes: ['svc.*'], severities: ['critical'], channelIds: [ALERTS], position: 0, escalationPolicyId: policy.id } });
  await db().route.create({ data: { workspaceId, name: 'plain', eventTypes: ['plain.*'], severities: ['critical'], channelIds: [ALERTS], position: 1 } });
  forgetRoutingConfig(workspaceId);
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await sandbox.stop();
});

async function posted(eventType: string, title: string) {
  const { id } = await ingestAlert(scope, { action: 'trigger', eventType, severity: 'critical', title, fields: {}, links: [] });
  const delivery = await waitFor(async () => (await db().delivery.findFirst({ where: { alertId: id, state: 'sent' } })) ?? null, 10_000, 'posted');
  return { id, ts: delivery.messageTs! };
}
const message = (ts: string) => emulator.state.messages(ALERTS).find((m) => m.ts === ts);
const escalations = async (alertId: string) => (await db().alertActivity.findMany({ where: { alertId, kind: 'escalated' }, orderBy: { at: 'asc' } })).map((a) => [a.actorId, a.note]);
async function click(ts: string, actionId: string, userId: string) {
  const response = await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId: ALERTS, ts, actionId, userId });
  await app.settled();
  return response;
}

// A click on a message rendered before the alert changed (Slack still shows the old buttons): signed, sent as is.
async function staleClick(alertId: string, actionId: string, userId: string) {
  const payload = { type: 'block_actions', team: { id: workspaces.acme.id }, user: { id: userId }, channel: { id: ALERTS }, actions: [{ action_id: actionId, value: alertId }] };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(env().slack.signingSecret, body) };
  expect((await fetch(`${app.url}/api/slack/interactions`, { method: 'POST', headers, body })).status).toBe(200);
  await app.settled();
}

describe('Escalate', () => {
  it('the message says who is on call and has Escalate; each click runs the next step now', async () => {
    const { id, ts } = await posted('svc.down', 'Checkout down');
    const blocks = JSON.stringify(message(ts)?.blocks);
    expect(blocks).toContain(`On call: <@${ON_CALL}>`);
    expect(blocks).toContain('alert_escalate');

    expect((await click(ts, 'alert_escalate', 'U0ACMEOWN1')).status).toBe(200);
    await waitFor(async () => (await escalations(id)).length === 2, 10_000, 'step 1 now');
    expect(await escalations(id)).toEqual([
      ['U0ACMEOWN1', 'Escalated now: the next step runs at once'],
      [null, `Escalation step 1 of 2: paged <@${ON_CALL}>`],
    ]);
    await waitFor(() => emulator.state.messages(`D${ON_CALL.slice(1)}`).some((m) => String(m.text).includes('Checkout down')), 10_000, 'DM to the on-call person');

    await click(ts, 'alert_escalate', 'U0ACMEOWN1');
    await waitFor(async () => (await escalations(id)).length === 4, 10_000, 'step 2 now');
    expect((await escalations(id))[3]).toEqual([null, `Escalation step 2 of 2: paged <@${LEAD}>`]);
    await waitFor(() => emulator.state.messages(`D${LEAD.slice(1)}`).some((m) => String(m.text).includes('Checkout down')), 10_000, 'DM to the lead');

    // The policy has run out: Escalate starts it over.
    await click(ts, 'alert_escalate', 'U0ACMEOWN1');
    await waitFor(async () => (await escalations(id)).length === 6, 10_000, 'the first step again');
    expect((await escalations(id))[5]).toEqual([null, `Escalation step 1 of 2: paged <@${ON_CALL}>`]);
  });

  it('an acknowledged alert loses the button; a stale click changes nothing and says why; an alert without a policy has neither line nor button', async () => {
    const { id, ts } = await posted('svc.slow', 'Checkout slow');
    await click(ts, 'alert_acknowledge', ON_CALL);
    await waitFor(() => !JSON.stringify(message(ts)?.blocks).includes('alert_escalate'), 10_000, 'the button gone');
    expect(JSON.stringify(message(ts)?.blocks)).toContain(`On call: <@${ON_CALL}>`);
    await staleClick(id, 'alert_escalate', 'U0ACMEOWN1');
    expect(emulator.state.ephemeralMessages(ALERTS, 'U0ACMEOWN1').at(-1)?.text).toBe('Nothing changed: this alert is acknowledged.');
    expect(await escalations(id)).toEqual([]);

    const plain = await posted('plain.x', 'No policy');
    const blocks = JSON.stringify(message(plain.ts)?.blocks);
    expect(blocks).not.toContain('On call');
    expect(blocks).not.toContain('alert_escalate');
  });
});

describe('Add responders…', () => {
  const OWNER = 'U0ACMEOWN1';
  const dmsOf = (user: string, title: string) => emulator.state.messages(`D${user.slice(1)}`).filter((m) => String(m.text).includes(title));
  const modal = () => emulator.state.openModal(workspaces.acme.id, OWNER);
  const submit = async (values: Record<string, string>) => {
    const response = await emulator.state.submitModal({ teamId: workspaces.acme.id, userId: OWNER, values });
    await app.settled();
    return response;
  };

  it("opens a modal from the message; its submission DMs the person and the schedule's on-call, mentions them in the thread and is in the timeline", async () => {
    const { id, ts } = await posted('plain.add', 'Payments slow');
    expect(JSON.stringify(message(ts)?.blocks)).toContain('alert_add_responders');
    expect((await click(ts, 'alert_add_responders', OWNER)).status).toBe(200);
    expect(emulator.state.calls('views.open').at(-1)).toMatchObject({ ok: true });
    const view = modal();
    expect(view?.callbackId).toBe('klaxon_add_responders');
    expect(JSON.stringify(view?.blocks)).toContain(scheduleId);

    expect((await submit({ user: LEAD, schedule: scheduleId })).status).toBe(200);
    expect(modal()).toBeUndefined();
    const entries = await db().alertActivity.findMany({ where: { alertId: id, kind: 'escalated' } });
    expect(entries.map((a) => [a.actorId, a.via, a.note])).toEqual([[OWNER, 'slack', `Added responders: paged <@${LEAD}>, <@${ON_CALL}>`]]);
    await waitFor(() => dmsOf(LEAD, 'Payments slow').length === 1 && dmsOf(ON_CALL, 'Payments slow').length === 1, 10_000, 'the DMs');
    expect(dmsOf(LEAD, 'Payments slow')[0]!.text).toContain(`added as a responder by <@${OWNER}>`);
    await waitFor(
      () => emulator.state.messages(ALERTS).some((m) => m.thread_ts === ts && String(m.text).includes(`<@${OWNER}> added responders: <@${LEAD}>, <@${ON_CALL}>`)),
      10_000,
      'the thread mention',
    );
  });

  it('refuses an empty choice and a resolved alert in the modal, paging nobody', async () => {
    const { id, ts } = await posted('plain.add', 'Queue stuck');
    await click(ts, 'alert_add_responders', OWNER);
    await submit({});
    expect(modal()?.errors).toEqual({ responder_user: 'Choose a person or a schedule to page.' });
    await db().alert.update({ where: { id }, data: { status: 'resolved' } });
    await submit({ user: LEAD });
    expect(modal()?.errors).toEqual({ responder_user: 'This alert is already resolved.' });
    expect(await db().alertActivity.count({ where: { alertId: id, kind: 'escalated' } })).toBe(0);
    expect(dmsOf(LEAD, 'Queue stuck')).toEqual([]);
  });
});
