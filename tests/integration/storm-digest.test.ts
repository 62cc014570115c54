// Storm digests on a real PostgreSQL with the Slack emulator: past a route's storm limit of posts per minute
// to a channel, further alerts fold into one digest message there, updated in place; every alert stays stored
// and listed (the digest's link filters to exactly them), its lines can be acknowledged, and after a quiet
// minute (the clock moved by the test) the digest says the storm is over and alerts post one by one again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { listAlerts } from '@/lib/alerts/alert-views';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { foldIntoDigest } from '@/lib/outbox/digests';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import type { Severity } from '@/lib/generated/prisma/client';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSlackAppServer, type SlackAppServer } from '../support/slack-app-server';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let scope: WorkspaceScope;
let worker: Worker;

const CHANNEL = 'C0ACMEINCD';

const trigger = (title: string, eventType: string, severity: Severity) => ingestAlert(scope, { action: 'trigger', eventType, severity, title, fields: {}, links: [] });
const topLevel = () => emulator.state.messages(CHANNEL).filter((message) => !message.thread_ts);
const digestMessage = () => topLevel().find((message) => String(message.text).includes('more alert'));
const slackCall = (method: string, body: Record<string, unknown>) =>
  fetch(`${emulator.apiUrl}${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${emulator.state.botToken(workspaces.acme.id)!}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => response.json() as Promise<{ ok: boolean; ts?: string }>);

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  app = await startSlackAppServer();
  emulator.setAppUrl(app.url);
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  const route = await addRoute(workspaces.acme.id, { eventTypes: ['*'], severities: ['critical', 'error', 'warning', 'info'], channelIds: [CHANNEL] });
  await db().route.update({ where: { id: route.id }, data: { stormLimit: 3 } });
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await app.close();
  await emulator.close();
  await dropOwnDatabase();
});

describe('storm digest', () => {
  it('folds alerts past the limit into one digest per channel, updated in place, with exact counts', async () => {
    for (let i = 0; i < 3; i += 1) await trigger(`calm ${i}`, 'disk.full', 'warning');
    await waitFor(() => topLevel().length === 3, 15_000, 'the first three posted');

    const storm = [];
    for (let i = 0; i < 12; i += 1) storm.push(trigger(`storm deploy ${i}`, 'deploy.failed', 'critical'));
    for (let i = 0; i < 8; i += 1) storm.push(trigger(`storm disk ${i}`, 'disk.full', 'error'));
    const stormAlerts = await Promise.all(storm);

    await waitFor(() => digestMessage(), 15_000, 'a digest message');
    // Updated in place until it counts all twenty (the first fold may have seen fewer).
    await waitFor(() => String(digestMessage()?.text).startsWith('+20 more alerts'), 20_000, 'the digest counts all 20');
    const digest = digestMessage()!;
    expect(digest.text).toMatch(/: 12 critical, 8 error — deploy\.\* ×12, disk\.\* ×8$/);
    expect(topLevel()).toHaveLength(4);
    const blocks = JSON.stringify(digest.blocks);
    // The five newest (one batch here: one commit time, so any five of them) are listed.
    expect((blocks.match(/`(critical|error)` storm (deploy|disk) \d+/g) ?? []).length).toBe(5);
    expect((blocks.match(/alert_acknowledge:digest/g) ?? []).length).toBe(5);

    // Every alert is stored, folded into the digest, and the digest's link lists exactly them.
    const deliveries = await db().delivery.findMany({ where: { alertId: { in: stormAlerts.map((a) => a.id) } } });
    expect(deliveries.every((d) => d.state === 'folded' && d.digestId === deliveries[0]!.digestId)).toBe(true);
    const digestId = deliveries[0]!.digestId!;
    expect(blocks).toContain(`/alerts?digest=${digestId}`);
    const listed = await listAlerts(scope, { digest: digestId, limit: 200 });
    expect(listed.alerts.map((a) => a.id).sort()).toEqual(stormAlerts.map((a) => a.id).sort());
    expect((await db().digest.findUniqueOrThrow({ where: { id: digestId } })).folded).toBe(20);

    // A digest line can be acknowledged from the message.
    const newest = /"value":"([^"]+)"/.exec(blocks)![1]!;
    const response = await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId: CHANNEL, ts: digest.ts, actionId: 'alert_acknowledge:digest0', userId: 'U0ACMEMEM1' });
    await app.settled();
    expect(response.status).toBe(200);
    expect((await db().alert.findUniqueOrThrow({ where: { id: newest } })).status).toBe('acknowledged');

    // A quiet minute later (the clock moved) the digest says the storm is over; the next alert posts alone.
    await sqlPool().query(`UPDATE digests SET last_folded_at = now() - interval '61 seconds' WHERE id = $1`, [digestId]);
    await sqlPool().query(`UPDATE deliveries SET sent_at = now() - interval '2 minutes' WHERE channel_id = $1 AND state = 'sent'`, [CHANNEL]);
    await sqlPool().query(`UPDATE jobs SET run_at = now() WHERE kind = 'digest-refresh' AND state = 'pending'`);
    await waitFor(() => String(digestMessage()?.text).startsWith('Alert storm over'), 15_000, 'the storm over');
    expect(JSON.stringify(digestMessage()!.blocks)).toContain('Storm over at');
    // The refresh job edits the message inside its transaction: the row says ended once that commits.
    await waitFor(async () => (await db().digest.findUniqueOrThrow({ where: { id: digestId } })).endedAt, 10_000, 'the digest ended');
    await trigger('after the storm', 'disk.full', 'info');
    await waitFor(() => topLevel().some((message) => String(message.text).includes('after the storm')), 15_000, 'posted alone');
    expect(await db().digest.count()).toBe(1);
  });

  it('a channel whose limit is 0 never folds, not even into a digest a storm opened there before', async () => {
    const quiet = 'C0ACMEALRT';
    await addRoute(workspaces.acme.id, { eventTypes: ['quiet.*'], severities: ['warning'], channelIds: [quiet], position: 5, stormLimit: 0 });
    // A digest still open on the channel, as a storm before its limit was set to 0 would have left it.
    await sqlPool().query(`INSERT INTO digests (id, workspace_id, channel_id, started_at, last_folded_at, updated_at) VALUES ('dig_before_limit', $1, $2, now(), now(), now())`, [workspaces.acme.id, quiet]);
    const alert = await trigger('quiet but posted', 'quiet.check', 'warning');
    const delivery = await waitFor(async () => {
      const found = await db().delivery.findFirst({ where: { alertId: alert.id, channelId: quiet } });
      return found && found.state !== 'pending' ? found : null;
    }, 15_000, 'the post to the quiet channel');
    expect(delivery.state).toBe('sent');
  });

  it('never folds a post whose earlier attempt may be in Slack: it is looked for and completed, once', async () => {
    const channel = 'C0ACMET001';
    expect(await slackCall('conversations.join', { channel })).toMatchObject({ ok: true });
    await addRoute(workspaces.acme.id, { eventTypes: ['uncertain.*'], severities: ['critical'], channelIds: [channel], position: 6, stormLimit: 3 });
    // Queued with no worker running; a storm open on the channel.
    await worker.stop();
    const [claimed, fresh, uncertain] = await Promise.all(['claimed', 'fresh', 'uncertain'].map((title) => trigger(title, 'uncertain.x', 'critical')));
    const deliveryOf = async (alertId: string) => db().delivery.findFirstOrThrow({ where: { alertId, channelId: channel } });
    const [claimedPost, uncertainPost] = [await deliveryOf(claimed!.id), await deliveryOf(uncertain!.id)];
    await sqlPool().query(`INSERT INTO digests (id, workspace_id, channel_id, started_at, last_folded_at, updated_at) VALUES ('dig_uncertain', $1, $2, now(), now(), now())`, [workspaces.acme.id, channel]);
    // `claimed` is the post a worker holds; `uncertain` was tried 5 s ago and Slack took it, but its answer was lost.
    await sqlPool().query(`UPDATE deliveries SET locked_until = now() + interval '1 minute', post_started_at = now(), attempts = 1 WHERE id = $1`, [claimedPost.id]);
    await sqlPool().query(`UPDATE deliveries SET state = 'failed', post_started_at = now() - interval '5 seconds', attempts = 1, last_error = 'network error' WHERE id = $1`, [uncertainPost.id]);
    const posted = await slackCall('chat.postMessage', {
      channel,
      text: `uncertain ${uncertain!.id}`,
      metadata: { event_type: 'klaxon_alert', event_payload: { delivery_id: uncertainPost.id } },
    });
    expect(posted).toMatchObject({ ok: true });

    const digest = await foldIntoDigest({ id: claimedPost.id, workspaceId: workspaces.acme.id, channelId: channel });
    expect(digest).toMatchObject({ id: 'dig_uncertain', added: 2 });
    expect((await deliveryOf(claimed!.id)).state).toBe('folded');
    expect((await deliveryOf(fresh!.id)).state).toBe('folded');
    expect(await deliveryOf(uncertain!.id)).toMatchObject({ state: 'failed', digestId: null });

    // A worker completes it from Slack's history: the message that is there, none more.
    worker = startWorker({ pollMs: 50 });
    await waitFor(async () => (await deliveryOf(uncertain!.id)).state === 'sent', 15_000, 'the uncertain post completed');
    expect((await deliveryOf(uncertain!.id)).messageTs).toBe(posted.ts);
    expect(emulator.state.messages(channel).filter((message) => JSON.stringify(message).includes(uncertain!.id))).toHaveLength(1);
  });
});
