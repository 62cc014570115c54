// Socket Mode end to end: the emulator with an app-level token sends clicks, commands and events over a real
// WebSocket to Klaxon's @slack/socket-mode receiver (no app URL is set, so nothing can go over HTTP), which
// hands them to the same handlers as the HTTP endpoints and acks each envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { startSocketMode, type SocketModeReceiver } from '@/lib/slack/start-socket-mode';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

const APP_TOKEN = 'xapp-1-A0KLAXON01-1-sockettest';
const ALERTS = 'C0ACMEALRT';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
let worker: Worker;
let receiver: SocketModeReceiver | null = null;

const hub = () => emulator.state.socketMode!;

async function postedAlert(title: string) {
  const { id } = await ingestAlert(scope, { action: 'trigger', eventType: 'sock.down', severity: 'critical', title, fields: {}, links: [] });
  const delivery = await waitFor(() => db().delivery.findFirst({ where: { alertId: id, state: 'sent' } }), 10_000, 'posted');
  return { id, ts: delivery.messageTs! };
}

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack({ appToken: APP_TOKEN }));
  // No app URL: a request the emulator tried to send over HTTP would fail ("no app URL configured").
  emulator.state.setAppUrl(undefined);
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  await addRoute(workspaces.acme.id, { eventTypes: ['sock.*'], severities: ['critical'], channelIds: [ALERTS] });
  worker = startWorker({ pollMs: 50 });
  receiver = await startSocketMode({ appToken: APP_TOKEN, slackApiUrl: emulator.apiUrl });
});
afterAll(async () => {
  await receiver?.stop();
  await worker.stop();
  await emulator.close();
  await dropOwnDatabase();
});

describe('Socket Mode', () => {
  it('apps.connections.open answers a WebSocket URL for the app-level token only', async () => {
    const open = async (token: string): Promise<unknown> =>
      (await fetch(`${emulator.apiUrl}apps.connections.open`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).json();
    const opened = (await open(APP_TOKEN)) as { ok: boolean; url: string };
    expect(opened.ok).toBe(true);
    expect(opened.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/);
    expect(await open('xapp-1-not-this-app')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await open(emulator.state.botToken(workspaces.acme.id)!)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(hub().connectionCount()).toBe(1);
  });

  it('a token Slack refuses fails the start with its error instead of retrying', async () => {
    await expect(startSocketMode({ appToken: 'xapp-1-revoked', slackApiUrl: emulator.apiUrl })).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    expect(hub().connectionCount()).toBe(1);
  });

  it('a click on Acknowledge arrives over the socket, is acked within 3 s and acknowledges the alert', async () => {
    const { id, ts } = await postedAlert('socket click');
    const response = await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId: ALERTS, ts, actionId: 'alert_acknowledge', userId: 'U0ACMEMEM1' });
    expect(response).toMatchObject({ status: 200 });
    expect(response.durationMs).toBeLessThan(3000);
    expect(emulator.state.app.sent.at(-1)?.path).toBe('socket-mode interactive');
    expect(hub().envelopes.at(-1)).toMatchObject({ type: 'interactive', acked: true });

    await waitFor(async () => (await db().alert.findUniqueOrThrow({ where: { id } })).status === 'acknowledged', 10_000, 'acknowledged');
    const activity = await db().alertActivity.findFirstOrThrow({ where: { alertId: id, kind: 'acknowledged' } });
    expect(activity).toMatchObject({ actorType: 'slack_user', actorId: 'U0ACMEMEM1', via: 'slack' });
    await waitFor(() => JSON.stringify(emulator.state.messages(ALERTS).find((m) => m.ts === ts)?.blocks).includes('Acknowledged by <@U0ACMEMEM1>'), 10_000, 'message updated');
  });

  it("a slash command arrives over the socket and its answer comes back as the ack's payload", async () => {
    const { id } = await postedAlert('socket command');
    const response = await emulator.state.sendSlashCommand(workspaces.acme.id, 'U0ACMEMEM1', ALERTS, `resolve ${id.slice(-8)}`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_type: 'ephemeral', text: 'Resolved *socket command*.' });
    expect(hub().envelopes.at(-1)).toMatchObject({ type: 'slash_commands', acked: true });
    expect((await db().alert.findUniqueOrThrow({ where: { id } })).status).toBe('resolved');
  });

  it("a modal submission's response_action comes back in the ack: errors keep the modal open", async () => {
    const { id, ts } = await postedAlert('socket modal');
    const teamId = workspaces.acme.id;
    await emulator.state.clickButton({ teamId, channelId: ALERTS, ts, actionId: 'alert_resolve_with_note', userId: 'U0ACMEOWN1' });
    await waitFor(() => emulator.state.openModal(teamId, 'U0ACMEOWN1'), 10_000, 'modal opened');
    // Resolved meanwhile (by someone else): the submission changes nothing and says so on the field.
    await emulator.state.sendSlashCommand(teamId, 'U0ACMEMEM1', ALERTS, `resolve ${id.slice(-8)}`);
    const submitted = await emulator.state.submitModal({ teamId, userId: 'U0ACMEOWN1', values: { note_input: 'too late' } });
    expect(submitted.json).toMatchObject({ response_action: 'errors' });
    expect(emulator.state.openModal(teamId, 'U0ACMEOWN1')?.errors?.note).toMatch(/Nothing changed: this alert is already resolved/);
  });

  it('an event whose ack was lost is delivered again (retry_attempt 1, timeout) and handled once', async () => {
    emulator.state.clearCalls();
    hub().dropNextAck();
    const first = await emulator.state.sendEvent(workspaces.acme.id, { type: 'app_home_opened', user: 'U0ACMEMEM1', tab: 'home' });
    expect(first.status).toBe(0);
    expect(first.error).toContain('no ack');
    const retry = await waitFor(() => hub().envelopes.find((e) => e.type === 'events_api' && e.retryAttempt === 1 && e.acked), 10_000, 'the retry acked');
    expect(retry).toMatchObject({ retryReason: 'timeout', payload: { event_id: first.eventId } });
    // The App Home republishes at most every 2 s; the retry came 3 s later, so handling it again would publish again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator.state.calls('views.publish')).toHaveLength(1);
    expect(hub().envelopes.filter((e) => e.type === 'events_api' && e.payload.event_id === first.eventId)).toHaveLength(2);
  });

  it('a disconnect (refresh_requested) makes the app open a new connection, and envelopes flow on it', async () => {
    const opened = emulator.state.calls('apps.connections.open').length;
    expect(hub().refresh()).toBe(1);
    expect(hub().connectionCount()).toBe(0);
    await waitFor(() => hub().connectionCount() === 1, 15_000, 'reconnected');
    expect(emulator.state.calls('apps.connections.open')).toHaveLength(opened + 1);
    const response = await emulator.state.sendSlashCommand(workspaces.acme.id, 'U0ACMEMEM1', ALERTS, 'help');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.json)).toContain('Klaxon commands');
  }, 25_000);

  it('stop closes the connection, and it stays closed', async () => {
    const started = Date.now();
    await receiver!.stop();
    receiver = null;
    expect(Date.now() - started).toBeLessThan(2000);
    await waitFor(() => hub().connectionCount() === 0, 5_000, 'closed');
    const opened = emulator.state.calls('apps.connections.open').length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(emulator.state.calls('apps.connections.open')).toHaveLength(opened);
  });
});
