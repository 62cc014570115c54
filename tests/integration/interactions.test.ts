// Alert buttons clicked in the Slack emulator: signed block_actions over real HTTP into Klaxon's endpoint,
// the lifecycle, chat.update of every message, thread replies, idempotency and cross-workspace refusal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { slackSignatureHeaders } from '@/emulator/signing';
import { env } from '@/lib/env';
import { addRoute, waitFor } from '../support/alert-fixtures';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let scope: WorkspaceScope;
let worker: Worker;

const ALERTS = 'C0ACMEALRT';
const INCIDENTS = 'C0ACMEINCD';

async function postedAlert(title: string) {
  const { id } = await ingestAlert(scope, { action: 'trigger', eventType: 'svc.down', severity: 'critical', title, fields: {}, links: [] });
  const deliveries = await waitFor(async () => {
    const rows = await db().delivery.findMany({ where: { alertId: id } });
    return rows.length === 2 && rows.every((d) => d.state === 'sent') && rows;
  }, 10_000, 'posted');
  return { id, deliveries };
}

async function click(alertId: string, actionId: string, userId: string, channelId = ALERTS) {
  const delivery = await db().delivery.findFirstOrThrow({ where: { alertId, channelId } });
  const response = await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId, ts: delivery.messageTs!, actionId, userId });
  await app.settled();
  return response;
}

// A payload Slack would send for a click on a stale or forwarded message: signed, but not from a rendered button.
async function sendAction(teamId: string, userId: string, channelId: string, actionId: string, alertId: string) {
  const payload = { type: 'block_actions', team: { id: teamId }, user: { id: userId }, channel: { id: channelId }, trigger_id: 't', actions: [{ action_id: actionId, value: alertId }] };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const response = await fetch(`${app.url}/api/slack/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(env().slack.signingSecret, body) },
    body,
  });
  await app.settled();
  return response;
}

function messageOf(channelId: string, ts: string) {
  return emulator.state.messages(channelId).find((message) => message.ts === ts);
}

beforeAll(async () => {
  sandbox = await startInstalledSandbox({ both: true });
  ({ emulator, workspaces, app, scope } = sandbox);
  await addRoute(workspaces.acme.id, { eventTypes: ['svc.*'], severities: ['critical'], channelIds: [ALERTS, INCIDENTS] });
  worker = startWorker({ pollMs: 50 });
});
afterEach(() => emulator.state.clearCalls());
afterAll(async () => {
  await worker.stop();
  await sandbox.stop();
});

describe('alert buttons in Slack', () => {
  it('Acknowledge records who and when, updates every message in every channel and replies in each thread', async () => {
    const { id, deliveries } = await postedAlert('api down');
    const response = await click(id, 'alert_acknowledge', 'U0ACMEMEM1');
    expect(response.status).toBe(200);
    expect(response.durationMs).toBeLessThan(3000);

    const alert = await db().alert.findUniqueOrThrow({ where: { id } });
    expect(alert.status).toBe('acknowledged');
    const [activity] = await db().alertActivity.findMany({ where: { alertId: id, kind: 'acknowledged' } });
    expect(activity).toMatchObject({ actorType: 'slack_user', actorId: 'U0ACMEMEM1', actorName: 'alan.t', via: 'slack' });

    await waitFor(() => deliveries.every((d) => messageOf(d.channelId, d.messageTs!)?.edited), 10_000, 'both messages updated');
    for (const delivery of deliveries) {
      const blocks = JSON.stringify(messageOf(delivery.channelId, delivery.messageTs!)?.blocks);
      expect(blocks).toContain('Acknowledged by <@U0ACMEMEM1>');
      expect(blocks).not.toContain('alert_acknowledge');
      expect(blocks).toContain('alert_resolve');
    }
    await waitFor(async () => (await db().threadReply.count({ where: { delivery: { alertId: id }, sentAt: { not: null } } })) === 2, 10_000, 'replies');
    const replies = emulator.state.calls('chat.postMessage').filter((call) => call.params.thread_ts);
    expect(replies.map((call) => call.params.text)).toEqual(['Acknowledged by <@U0ACMEMEM1>', 'Acknowledged by <@U0ACMEMEM1>']);
  });

  it('a second click changes nothing and tells the clicker privately', async () => {
    const { id } = await postedAlert('db slow');
    await click(id, 'alert_acknowledge', 'U0ACMEMEM1');
    const before = await db().alertActivity.count({ where: { alertId: id } });
    // Sent as Slack would for a click on the message before its update landed: the first click's chat.update
    // may already have removed the button, which made clicking it in the emulator racy.
    const again = await sendAction(workspaces.acme.id, 'U0ACMEADM1', ALERTS, 'alert_acknowledge', id);
    expect(again.status).toBe(200);
    expect(await db().alertActivity.count({ where: { alertId: id } })).toBe(before);
    const notes = emulator.state.ephemeralMessages(ALERTS, 'U0ACMEADM1');
    expect(notes.at(-1)?.text).toMatch(/already acknowledged/);
  });

  it('Resolve, then Reopen, then Snooze follow the lifecycle; the buttons fit each state', async () => {
    const { id, deliveries } = await postedAlert('queue backlog');
    await click(id, 'alert_resolve', 'U0ACMEADM1');
    expect((await db().alert.findUniqueOrThrow({ where: { id } })).status).toBe('resolved');
    await waitFor(() => JSON.stringify(messageOf(ALERTS, deliveries.find((d) => d.channelId === ALERTS)!.messageTs!)?.blocks).includes('alert_reopen'), 10_000, 'reopen button');
    const stale = await sendAction(workspaces.acme.id, 'U0ACMEMEM1', ALERTS, 'alert_acknowledge', id);
    expect(stale.status).toBe(200);
    expect(emulator.state.ephemeralMessages(ALERTS, 'U0ACMEMEM1').at(-1)?.text).toMatch(/already resolved/);
    expect((await db().alert.findUniqueOrThrow({ where: { id } })).status).toBe('resolved');

    await click(id, 'alert_reopen', 'U0ACMEADM1');
    expect((await db().alert.findUniqueOrThrow({ where: { id } })).status).toBe('triggered');
    const alertsTs = deliveries.find((d) => d.channelId === ALERTS)!.messageTs!;
    await waitFor(() => JSON.stringify(messageOf(ALERTS, alertsTs)?.blocks).includes('alert_snooze'), 10_000, 'snooze button back');
    await click(id, 'alert_snooze', 'U0ACMEADM1');
    const snoozed = await db().alert.findUniqueOrThrow({ where: { id } });
    expect(snoozed.snoozedUntil!.getTime()).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
    const kinds = (await db().alertActivity.findMany({ where: { alertId: id }, orderBy: { at: 'asc' } })).map((a) => a.kind);
    expect(kinds).toEqual(['triggered', 'resolved', 'reopened', 'snoozed']);
  });

  it('Resolve with note opens a modal whose submission resolves with the note', async () => {
    const { id } = await postedAlert('disk full');
    await click(id, 'alert_resolve_with_note', 'U0ACMEOWN1');
    const modal = emulator.state.openModal(workspaces.acme.id, 'U0ACMEOWN1');
    expect(modal).toBeTruthy();
    const submitted = await emulator.state.submitModal({ teamId: workspaces.acme.id, userId: 'U0ACMEOWN1', values: { note_input: 'Rotated the logs' } });
    await app.settled();
    expect(submitted.status).toBe(200);
    const alert = await db().alert.findUniqueOrThrow({ where: { id } });
    expect(alert.status).toBe('resolved');
    const resolved = await db().alertActivity.findFirstOrThrow({ where: { alertId: id, kind: 'resolved' } });
    expect(resolved).toMatchObject({ note: 'Rotated the logs', actorId: 'U0ACMEOWN1', via: 'slack' });
  });

  it("refuses a button that names another workspace's alert, without effect", async () => {
    const { id } = await postedAlert('cross workspace');
    // A Globex user's click carries Acme's alert id (a forwarded or forged payload).
    const response = await sendAction(workspaces.globex.id, 'U0GLBXMEM1', 'C0GLBXALRT', 'alert_acknowledge', id);
    expect(response.status).toBe(200);
    expect((await db().alert.findUniqueOrThrow({ where: { id } })).status).toBe('triggered');
    expect(await db().alertActivity.count({ where: { alertId: id, kind: 'acknowledged' } })).toBe(0);
    expect(emulator.state.ephemeralMessages('C0GLBXALRT', 'U0GLBXMEM1').at(-1)?.text).toMatch(/does not know this alert/);
  });

  it('refuses an unsigned or tampered request with 401', async () => {
    const body = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: workspaces.acme.id }, user: { id: 'U1' }, actions: [{ action_id: 'alert_resolve', value: 'x' }] }) });
    const response = await fetch(`${app.url}/api/slack/interactions`, {
      method: 'POST',
      headers: { 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': `v0=${'a'.repeat(64)}` },
      body,
    });
    expect(response.status).toBe(401);
  });
});
