// Tidy resolutions through the emulator: a resolve adds ✅ to every copy of the message (reactions.add) and
// replies with the time to resolve and the message's permalink (chat.getPermalink); each route chooses what
// its threads get — every lifecycle event, status changes only, or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
let worker: Worker;

const ALERTS = 'C0ACMEALRT';
const INCIDENTS = 'C0ACMEINCD';

async function posted(eventType: string, channels: number) {
  const { id } = await ingestAlert(scope, { action: 'trigger', eventType, severity: 'critical', title: `tidy ${eventType}`, fields: {}, links: [] });
  const deliveries = await waitFor(async () => {
    const rows = await db().delivery.findMany({ where: { alertId: id } });
    return rows.length === channels && rows.every((d) => d.state === 'sent') && rows;
  }, 10_000, 'posted');
  return { id, deliveries };
}
const message = (channel: string, ts: string) => emulator.state.messages(channel).find((m) => m.ts === ts);
const repliesTo = (channel: string, ts: string) => emulator.state.messages(channel).filter((m) => m.thread_ts === ts && m.ts !== ts).map((m) => m.text);
const settled = async (alertId: string) =>
  waitFor(async () => (await db().threadReply.count({ where: { delivery: { alertId }, sentAt: null, dead: false } })) === 0, 10_000, 'replies and reactions done');

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  await addRoute(workspaces.acme.id, { eventTypes: ['all.*'], severities: ['critical'], channelIds: [ALERTS, INCIDENTS] });
  const status = await addRoute(workspaces.acme.id, { eventTypes: ['status.*'], severities: ['critical'], channelIds: [ALERTS], position: 1 });
  const none = await addRoute(workspaces.acme.id, { eventTypes: ['quiet.*'], severities: ['critical'], channelIds: [ALERTS], position: 2 });
  await db().route.update({ where: { id: status.id }, data: { threadReplies: 'status' } });
  await db().route.update({ where: { id: none.id }, data: { threadReplies: 'none' } });
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await emulator.close();
  await dropOwnDatabase();
});

describe('tidy resolutions', () => {
  it('a resolve adds ✅ to every copy and replies with the time to resolve and the permalink', async () => {
    const { id, deliveries } = await posted('all.disk', 2);
    await changeAlertStatusFor(scope, id, 'resolve');
    await settled(id);
    for (const delivery of deliveries) {
      expect(message(delivery.channelId, delivery.messageTs!)?.reactions).toEqual([{ name: 'white_check_mark', users: [expect.any(String)], count: 1 }]);
      const [reply] = repliesTo(delivery.channelId, delivery.messageTs!);
      const permalink = `https://acme-sandbox.slack.com/archives/${delivery.channelId}/p${delivery.messageTs!.replace('.', '')}`;
      expect(reply).toMatch(/^Resolved by tests \(API\) · resolved in \d+ s · <(.+)\|link to this alert>$/);
      expect(reply).toContain(`<${permalink}|`);
    }
    expect(emulator.state.calls('chat.getPermalink').filter((call) => call.ok)).toHaveLength(2);
  });

  it('a route with status changes only: no reply for a snooze, one for acknowledge and resolve', async () => {
    const { id, deliveries } = await posted('status.db', 1);
    const ts = deliveries[0]!.messageTs!;
    await changeAlertStatusFor(scope, id, 'snooze');
    await changeAlertStatusFor(scope, id, 'acknowledge');
    await changeAlertStatusFor(scope, id, 'resolve');
    await settled(id);
    const replies = repliesTo(ALERTS, ts);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toBe('Acknowledged by tests (API)');
    expect(replies[1]).toMatch(/^Resolved by tests \(API\)/);
  });

  it('a route with quiet threads gets no replies, but the ✅ still', async () => {
    const { id, deliveries } = await posted('quiet.cpu', 1);
    const ts = deliveries[0]!.messageTs!;
    await changeAlertStatusFor(scope, id, 'acknowledge');
    await changeAlertStatusFor(scope, id, 'resolve');
    await settled(id);
    expect(repliesTo(ALERTS, ts)).toEqual([]);
    expect(message(ALERTS, ts)?.reactions).toEqual([{ name: 'white_check_mark', users: [expect.any(String)], count: 1 }]);
    // The message itself still shows the resolution.
    await waitFor(() => JSON.stringify(message(ALERTS, ts)?.blocks).includes('Resolved by'), 10_000, 'message updated');
  });
});
