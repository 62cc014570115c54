// Slack Events API and the /klaxon command over real, signed HTTP from the emulator: the handshake,
// dedupe under retries, App Home, the channel cache, uninstall, and the slash command.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { refreshChannels } from '@/lib/channels/channel-cache';
import { db, disconnectDb } from '@/lib/db';
import { routeChannelWarnings } from '@/lib/slack/channel-events';
import { addRoute } from '../support/alert-fixtures';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let scope: WorkspaceScope;
let acme: string;

async function send(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}) {
  const response = await emulator.state.sendEvent(acme, event, options);
  await app.settled();
  return response;
}

async function open(title: string, severity: 'critical' | 'warning' = 'critical') {
  return (await ingestAlert(scope, { action: 'trigger', eventType: 'home.test', severity, title, fields: {}, links: [] })).id;
}

beforeAll(async () => {
  sandbox = await startInstalledSandbox({ both: true, ownDatabase: false });
  ({ emulator, workspaces, app, scope } = sandbox);
  acme = workspaces.acme.id;
});
afterAll(async () => {
  await sandbox.stop();
  await disconnectDb();
});

describe('Slack events', () => {
  it('answers the url_verification challenge', async () => {
    const response = await emulator.state.sendUrlVerification('challenge-42');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: 'challenge-42' });
  });

  it('acknowledges retries of one event_id and handles the event once', async () => {
    emulator.state.clearCalls();
    const event = { type: 'app_home_opened', user: 'U0ACMEMEM1', tab: 'home' };
    const first = await send(event, { eventId: 'EvDEDUPE1' });
    const retry = await send(event, { eventId: 'EvDEDUPE1', retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(first.durationMs).toBeLessThan(3000);
    expect(emulator.state.calls('views.publish')).toHaveLength(1);
  });

  it('publishes the App Home with open alerts newest first, and a click there acknowledges and refreshes it', async () => {
    const older = await open('older alert');
    const newer = await open('newer alert');
    await send({ type: 'app_home_opened', user: 'U0ACMEADM1', tab: 'home' });
    const home = JSON.stringify(emulator.state.homeView(acme, 'U0ACMEADM1')?.blocks);
    expect(home.indexOf('newer alert')).toBeGreaterThan(-1);
    expect(home.indexOf('newer alert')).toBeLessThan(home.indexOf('older alert'));
    expect(home).toContain('alert_acknowledge');

    const clicked = await emulator.state.clickViewButton({ teamId: acme, userId: 'U0ACMEADM1', actionId: 'alert_acknowledge:0' });
    await app.settled();
    expect(clicked.status).toBe(200);
    const acknowledged = await db().alert.findMany({ where: { id: { in: [older, newer] }, status: 'acknowledged' } });
    expect(acknowledged).toHaveLength(1);
    const refreshed = JSON.stringify(emulator.state.homeView(acme, 'U0ACMEADM1')?.blocks);
    expect(refreshed).toContain('acknowledged');
  });

  it('keeps the channel cache in step with renames, archives, deletions and the bot leaving; routes are flagged', async () => {
    await refreshChannels(acme);
    await addRoute(acme, { eventTypes: ['chan.*'], severities: ['critical'], channelIds: ['C0ACMEOPS1', 'C0ACMEDPLY', 'C0ACMEINCD'] });
    await send({ type: 'channel_rename', channel: { id: 'C0ACMEOPS1', name: 'operations', created: 1 } });
    await send({ type: 'channel_archive', channel: 'C0ACMEOPS1', user: 'U0ACMEOWN1' });
    await send({ type: 'channel_deleted', channel: 'C0ACMEDPLY' });
    await send({ type: 'member_left_channel', user: workspaces.acme.botUserId, channel: 'C0ACMEINCD', channel_type: 'G' });
    const channels = await db().channel.findMany({ where: { workspaceId: acme, id: { in: ['C0ACMEOPS1', 'C0ACMEDPLY', 'C0ACMEINCD'] } }, orderBy: { id: 'asc' } });
    expect(channels.map((c) => [c.id, c.name, c.isArchived, c.deletedAt !== null, c.isMember])).toEqual([
      ['C0ACMEDPLY', 'deploys', false, true, false],
      ['C0ACMEINCD', 'incidents', false, false, false],
      ['C0ACMEOPS1', 'operations', true, false, false],
    ]);
    const warnings = await routeChannelWarnings(acme);
    expect(warnings.map((w) => [w.channelId, w.problem])).toEqual([
      ['C0ACMEOPS1', 'archived'],
      ['C0ACMEDPLY', 'deleted'],
      ['C0ACMEINCD', 'bot not in private channel'],
    ]);
  });

  it('acknowledges and ignores unknown event types', async () => {
    const response = await send({ type: 'reaction_added', user: 'U0ACMEMEM1', reaction: 'eyes' });
    expect(response.status).toBe(200);
  });

  it('uninstall from Slack (app_uninstalled + tokens_revoked) marks the workspace uninstalled', async () => {
    const globex = workspaces.globex.id;
    const { appUninstalled, tokensRevoked } = await emulator.state.uninstall(globex);
    await app.settled();
    expect([appUninstalled.status, tokensRevoked.status]).toEqual([200, 200]);
    expect((await db().workspace.findUniqueOrThrow({ where: { id: globex } })).uninstalledAt).toBeInstanceOf(Date);
    expect((await db().installation.findUniqueOrThrow({ where: { workspaceId: globex } })).botTokenCiphertext).toBeNull();
  });
});

describe('/klaxon', () => {
  const command = async (text: string, teamId = acme, userId = 'U0ACMEMEM2') => {
    const response = await emulator.state.sendSlashCommand(teamId, userId, 'C0ACMEALRT', text);
    return { status: response.status, ...(response.json as { response_type: string; text: string }) };
  };

  it('lists open alerts with short ids, ephemerally', async () => {
    const id = await open('command list alert', 'warning');
    const answer = await command('list');
    expect(answer).toMatchObject({ status: 200, response_type: 'ephemeral' });
    expect(answer.text).toContain(id.slice(-8));
    expect(answer.text).toContain('command list alert');
  });

  it('acknowledges and resolves by short id, through the lifecycle', async () => {
    const id = await open('command ack alert');
    expect((await command(`ack ${id.slice(-8)}`)).text).toMatch(/^Acknowledged \*command ack alert\*/);
    expect((await command(`ack ${id.slice(-8)}`)).text).toMatch(/Nothing changed: .* already acknowledged/);
    expect((await command(`resolve ${id}`)).text).toMatch(/^Resolved/);
    const activity = await db().alertActivity.findMany({ where: { alertId: id }, orderBy: { at: 'asc' } });
    expect(activity.map((a) => [a.kind, a.actorId, a.via])).toEqual([
      ['triggered', scope.actor.id, 'api'],
      ['acknowledged', 'U0ACMEMEM2', 'slack'],
      ['resolved', 'U0ACMEMEM2', 'slack'],
    ]);
  });

  it('answers 400, not 500, to a signed command carrying text PostgreSQL cannot store', async () => {
    expect((await command('ack \u0000')).status).toBe(400);
    // A team id no workspace has, so signed here rather than by the emulator's Slack.
    const body = new URLSearchParams({ team_id: 'T0ACME\u00000001', user_id: 'U0ACMEMEM2', command: '/klaxon', text: 'list' }).toString();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac('sha256', emulator.state.config.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const response = await fetch(`${app.url}/api/slack/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
      body,
    });
    expect(response.status).toBe(400);
  });

  it('explains help, unknown commands and unknown ids', async () => {
    expect((await command('help')).text).toContain('/klaxon ack <id>');
    expect((await command('dance')).text).toMatch(/Unknown command `dance`/);
    expect((await command('ack zzzzzzzz')).text).toMatch(/No alert `zzzzzzzz`/);
  });
});
