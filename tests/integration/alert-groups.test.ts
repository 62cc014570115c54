// Alert grouping on a real PostgreSQL with the Slack emulator: a route with group_by gives the alerts that share
// a key one message per channel, with a count and the newest members, updated in place (through the outbox's
// message updates, at most one per GROUP_REFRESH_MS) as members arrive or change; resolving the last member
// resolves the message and closes the group, so the next alert with the key opens a new one. Alertmanager's
// groupKey is kept and can be the key; a group message whose post a worker lost is found, never posted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { listAlerts } from '@/lib/alerts/alert-views';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatus } from '@/lib/alerts/lifecycle';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { alertmanagerAlerts } from '@/lib/integrations/alertmanager';
import { ingestAlerts } from '@/lib/integrations/ingest-alerts';
import { GROUP_REFRESH_MS } from '@/lib/outbox/groups';
import { startWorker, type Worker } from '@/lib/outbox/worker';
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

const BY_TYPE = 'C0ACMEINCD';
const BY_GROUP_KEY = 'C0ACMEALRT';

const trigger = (title: string, eventType: string, fields: Record<string, string> = {}) =>
  ingestAlert(scope, { action: 'trigger', eventType, severity: 'critical', title, fields, links: [] });
const topLevel = (channel: string) => emulator.state.messages(channel).filter((message) => !message.thread_ts);
const messageAbout = (channel: string, text: string) => topLevel(channel).find((message) => String(message.text).includes(text));
const actor = { type: 'api_key' as const, id: 'k1', name: 'tests' };

beforeAll(async () => {
  sandbox = await startInstalledSandbox();
  ({ emulator, workspaces, app, scope } = sandbox);
  await addRoute(workspaces.acme.id, { eventTypes: ['disk.*', 'deploy.*'], severities: ['critical'], channelIds: [BY_TYPE], stormLimit: 0, groupBy: 'event_type' });
  await addRoute(workspaces.acme.id, { eventTypes: ['am.*'], severities: ['critical', 'warning'], channelIds: [BY_GROUP_KEY], position: 1, stormLimit: 0, groupBy: 'group_key' });
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await sandbox.stop();
});

describe('alert groups', () => {
  it('gives alerts with the same key one message, updated in place, resolved with its last member', async () => {
    const first = await trigger('disk full on db1', 'disk.full');
    await waitFor(() => messageAbout(BY_TYPE, 'disk.full — 1 alert'), 15_000, 'the group message');
    const more = await Promise.all([trigger('disk full on db2', 'disk.full'), trigger('disk full on db3', 'disk.full')]);
    await trigger('deploy failed', 'deploy.failed');
    const group = await waitFor(() => messageAbout(BY_TYPE, 'disk.full — 3 alerts: 3 triggered'), 15_000, 'the group counts three');
    // One message per key: the disk group and the deploy group.
    await waitFor(() => messageAbout(BY_TYPE, 'deploy.failed — 1 alert'), 15_000, 'the deploy group');
    expect(topLevel(BY_TYPE)).toHaveLength(2);
    const blocks = JSON.stringify(group.blocks);
    expect(blocks.indexOf('disk full on db1')).toBeGreaterThan(Math.max(blocks.indexOf('disk full on db2'), blocks.indexOf('disk full on db3')));
    expect((blocks.match(/alert_acknowledge:group/g) ?? []).length).toBe(3);

    // Every member is stored, grouped, and the message's link lists exactly them.
    const deliveries = await db().delivery.findMany({ where: { alertId: { in: [first.id, ...more.map((a) => a.id)] } } });
    expect(deliveries.map((d) => d.state)).toEqual(['grouped', 'grouped', 'grouped']);
    const groupId = deliveries[0]!.groupId!;
    expect(deliveries.every((d) => d.groupId === groupId)).toBe(true);
    expect(blocks).toContain(`/alerts?group=${groupId}`);
    expect((await listAlerts(scope, { group: groupId, limit: 50 })).alerts.map((a) => a.id).sort()).toEqual([first.id, ...more.map((a) => a.id)].sort());

    // A member acknowledged from the message; the message follows, at most one update per GROUP_REFRESH_MS.
    const response = await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId: BY_TYPE, ts: group.ts, actionId: 'alert_acknowledge:group2', userId: 'U0ACMEMEM1' });
    await app.settled();
    expect(response.status).toBe(200);
    expect((await db().alert.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('acknowledged');
    await waitFor(() => messageAbout(BY_TYPE, 'disk.full — 3 alerts: 2 triggered, 1 acknowledged'), 15_000, 'the acknowledge shown');

    for (const alert of [first, ...more]) await changeAlertStatus({ workspaceId: scope.workspaceId, alertId: alert.id, action: 'resolve', actor, via: 'api' });
    await waitFor(() => messageAbout(BY_TYPE, 'Resolved — 3 alerts: 3 resolved'), 15_000, 'the group resolved');
    expect((await db().alertGroup.findUniqueOrThrow({ where: { id: groupId } })).closedAt).not.toBeNull();
    const updates = emulator.state.calls('chat.update').filter((call) => call.params.ts === group.ts);
    const times = updates.map((call) => Date.parse(call.at));
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(GROUP_REFRESH_MS - 100);

    // The next alert with the key opens a new group, with a message of its own.
    await trigger('disk full again', 'disk.full');
    await waitFor(() => topLevel(BY_TYPE).length === 3 && messageAbout(BY_TYPE, 'disk.full — 1 alert'), 15_000, 'a new group');
    expect(await db().alertGroup.count({ where: { key: 'event_type=disk.full' } })).toBe(2);
  });

  it("keeps Alertmanager's groupKey and groups by it; a lost post of the message is found, not repeated", async () => {
    const notification = (groupKey: string, names: string[]) =>
      alertmanagerAlerts({
        version: '4',
        groupKey,
        truncatedAlerts: 0,
        status: 'firing',
        receiver: 'klaxon',
        alerts: names.map((name) => ({ status: 'firing', labels: { alertname: 'am.disk', severity: 'critical', instance: name }, annotations: { summary: `disk on ${name}` }, fingerprint: `fp-${name}` })),
      });
    // Slack takes the group's first post but the answer is lost: the retry looks for it and finds it.
    emulator.state.dropNextResponse('chat.postMessage');
    await ingestAlerts(scope, notification('{}:{alertname="am.disk"}', ['h1', 'h2']));
    await ingestAlerts(scope, notification('{}:{alertname="am.other"}', ['h3']));
    const stored = await db().alert.findMany({ where: { dedupKey: { in: ['fp-h1', 'fp-h2', 'fp-h3'] } }, orderBy: { dedupKey: 'asc' } });
    expect(stored.map((alert) => alert.groupKey)).toEqual(['{}:{alertname="am.disk"}', '{}:{alertname="am.disk"}', '{}:{alertname="am.other"}']);
    await waitFor(() => messageAbout(BY_GROUP_KEY, '— 2 alerts: 2 triggered'), 20_000, 'the am.disk group counts two');
    await waitFor(() => messageAbout(BY_GROUP_KEY, '— 1 alert: 1 triggered'), 20_000, 'the am.other group');
    await waitFor(async () => (await sqlPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM alert_groups WHERE channel_id = $1 AND (dirty OR message_ts IS NULL)`, [BY_GROUP_KEY])).rows[0]!.n === 0, 15_000, 'groups settled');
    expect(topLevel(BY_GROUP_KEY).filter((message) => String(message.text).includes('alert'))).toHaveLength(2);
  }, 40_000);
});
