// The alert pipeline end to end against the Slack emulator and a real PostgreSQL: ingest → route → queue →
// worker → chat.postMessage, then updates, thread replies, pacing, retries and never-twice delivery.
// Its routes never fold into storm digests (stormLimit 0): storm-digest.test.ts covers folding.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import { retryDeliveries } from '@/lib/alerts/retry-deliveries';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import type { AlertInput } from '@/lib/schemas/alert';
import { startWorker, type Worker, type WorkerOptions } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
let worker: Worker | null = null;

const ALERTS = 'C0ACMEALRT'; // the bot is a member
const OPS = 'C0ACMEOPS1'; // public, the bot is not a member
const ARCHIVED = 'C0ACMEARCH';
const SECRET = 'C0ACMESCRT'; // private, the bot is not a member

function trigger(overrides: Partial<Extract<AlertInput, { action: 'trigger' }>> = {}): AlertInput {
  return { action: 'trigger', eventType: 'deploy.failed', severity: 'critical', title: 'Deploy of api failed', fields: { version: '1.2.3' }, links: [], ...overrides };
}

// The emulator answers within milliseconds, and a call it gives up on it never carries out later (but in the test
// that says so): a post whose answer was lost is looked for after half a second, not production's 30 s.
function runWorker(options: WorkerOptions = {}) {
  worker = startWorker({ pollMs: 50, ...options, post: { lateCarryOutMs: 500, ...options.post } });
  return worker;
}

async function deliveriesOf(alertId: string) {
  return db().delivery.findMany({ where: { alertId }, orderBy: { channelId: 'asc' } });
}

function postsTo(channel: string, alertId: string) {
  return emulator.state.messages(channel).filter((message) => JSON.stringify(message.blocks ?? []).includes(alertId));
}

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
  await addRoute(workspaces.acme.id, { eventTypes: ['deploy.*'], severities: ['critical', 'error'], channelIds: [ALERTS, OPS], stormLimit: 0 });
  await addRoute(workspaces.acme.id, { eventTypes: ['db.*'], severities: ['critical'], channelIds: [ARCHIVED, SECRET], position: 1, stormLimit: 0 });
  await addRoute(workspaces.acme.id, { eventTypes: ['burst.*'], severities: ['warning'], channelIds: [ALERTS], position: 2, stormLimit: 0 });
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(async () => {
  await emulator.close();
  await dropOwnDatabase();
});

describe('delivery', () => {
  it('stores the alert with one delivery per routed channel before returning, then posts each once', async () => {
    const result = await ingestAlert(scope, trigger({ dedupKey: 'deploy-api-1' }));
    expect(result).toMatchObject({ status: 'triggered', dedupKey: 'deploy-api-1', created: true });
    expect((await deliveriesOf(result.id)).map((d) => [d.channelId, d.state])).toEqual([
      [ALERTS, 'pending'],
      [OPS, 'pending'],
    ]);

    runWorker();
    const sent = await waitFor(async () => {
      const rows = await deliveriesOf(result.id);
      return rows.every((d) => d.state === 'sent') && rows;
    }, 10_000, 'both deliveries sent');
    expect(sent.every((d) => d.messageTs)).toBe(true);
    expect(postsTo(ALERTS, result.id)).toHaveLength(1);
    // #ops: the bot was not a member; it joined once and posted.
    expect(postsTo(OPS, result.id)).toHaveLength(1);
    expect(emulator.state.calls('conversations.join').map((call) => call.params.channel)).toContain(OPS);
    const [message] = postsTo(ALERTS, result.id);
    expect(JSON.stringify(message?.blocks)).toContain('alert_acknowledge');
    expect(message?.text).toContain('[CRITICAL] Deploy of api failed');
  });

  it("posts an alert's fields in the order the sender gave them (jsonb would sort them: az, build, service)", async () => {
    const result = await ingestAlert(scope, trigger({ dedupKey: 'field-order-1', fields: { service: 'checkout', az: 'eu-1', build: 42 } }));
    expect(Object.keys((await db().alert.findUniqueOrThrow({ where: { id: result.id } })).fields as object)).toEqual(['service', 'az', 'build']);
    // Claimed by the worker's statement (nothing was running to take it at commit).
    runWorker();
    const [message] = await waitFor(() => postsTo(ALERTS, result.id).length > 0 && postsTo(ALERTS, result.id), 10_000, 'the post');
    const text = JSON.stringify(message?.blocks);
    expect(text.indexOf('service')).toBeGreaterThan(-1);
    expect(text.indexOf('service')).toBeLessThan(text.indexOf('*az*'));
    expect(text.indexOf('*az*')).toBeLessThan(text.indexOf('*build*'));
  });

  it('keeps an alert no route matches as unrouted; only the unrouted channel, when set, receives it', async () => {
    const teamId = workspaces.acme.id;
    // Sandbox installs default the unrouted channel to #alerts; clear it first.
    await db().workspace.update({ where: { id: teamId }, data: { unroutedChannelId: null } });
    forgetRoutingConfig(teamId);
    const quiet = await ingestAlert(scope, trigger({ eventType: 'cache.miss', severity: 'info' }));
    expect((await db().alert.findUniqueOrThrow({ where: { id: quiet.id } })).routed).toBe(false);
    expect(await deliveriesOf(quiet.id)).toHaveLength(0);

    await db().workspace.update({ where: { id: teamId }, data: { unroutedChannelId: ALERTS } });
    forgetRoutingConfig(teamId);
    const caught = await ingestAlert(scope, trigger({ eventType: 'cache.miss', severity: 'info' }));
    expect((await db().alert.findUniqueOrThrow({ where: { id: caught.id } })).routed).toBe(false);
    expect((await deliveriesOf(caught.id)).map((d) => d.channelId)).toEqual([ALERTS]);
  });

  it('a repeated trigger with an open dedup key updates the existing messages instead of posting again', async () => {
    runWorker();
    const first = await ingestAlert(scope, trigger({ dedupKey: 'dup-1' }));
    // Every post done (the previous test left one for the unrouted channel) before counting calls.
    await waitFor(async () => (await db().delivery.count({ where: { workspaceId: workspaces.acme.id, state: { in: ['pending', 'failed'] } } })) === 0, 10_000, 'first post');
    emulator.state.clearCalls();
    const again = await ingestAlert(scope, trigger({ dedupKey: 'dup-1' }));
    expect(again).toMatchObject({ id: first.id, created: false });
    await waitFor(async () => emulator.state.calls('chat.update').length >= 2 && (await deliveriesOf(first.id)).every((d) => !d.dirty), 10_000, 'updates');
    expect(emulator.state.calls('chat.postMessage')).toHaveLength(0);
    expect(postsTo(ALERTS, first.id)).toHaveLength(1);
    expect(JSON.stringify(postsTo(ALERTS, first.id)[0]?.blocks)).toMatch(/Seen 2 times/);
    expect((await db().alert.findUniqueOrThrow({ where: { id: first.id } })).occurrences).toBe(2);
  });

  it('stores concurrent triggers together: distinct keys each open an alert, repeats of one key bump it', async () => {
    // Unrouted and without an unrouted channel: nothing to post, so the channels stay free for later tests.
    await db().workspace.update({ where: { id: workspaces.acme.id }, data: { unroutedChannelId: null } });
    forgetRoutingConfig(workspaces.acme.id);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => ingestAlert(scope, trigger({ eventType: 'cache.miss', severity: 'info', dedupKey: `batch-${i}` }))),
      ...Array.from({ length: 10 }, () => ingestAlert(scope, trigger({ eventType: 'cache.miss', severity: 'info', dedupKey: 'batch-same' }))),
    ]);
    expect(new Set(results.slice(0, 20).map((r) => r.id)).size).toBe(20);
    const same = results.slice(20);
    expect(new Set(same.map((r) => r.id)).size).toBe(1);
    expect(same.filter((r) => r.created)).toHaveLength(1);
    const alert = await db().alert.findUniqueOrThrow({ where: { id: same[0]!.id } });
    expect(alert.occurrences).toBe(10);
    expect(await db().alertActivity.count({ where: { alertId: alert.id } })).toBe(10);
  });

  it('keeps at most 3 store statements in flight: alerts arriving meanwhile wait and go together in a later batch', async () => {
    const pool = sqlPool();
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    let inFlight = 0;
    let most = 0;
    let statements = 0;
    const tracked = async (...args: unknown[]): Promise<unknown> => {
      const text = (args[0] as { text?: unknown } | undefined)?.text;
      if (typeof text !== 'string' || !text.includes('WITH input AS')) return query(...args);
      statements += 1;
      most = Math.max(most, (inFlight += 1));
      return query(...args).finally(() => (inFlight -= 1));
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the store calls query's promise overload, not the callback one
    const spy = vi.spyOn(pool, 'query').mockImplementation(tracked);
    try {
      const pending: Promise<{ id: string }>[] = [];
      for (let i = 0; i < 200; i += 1) {
        pending.push(ingestAlert(scope, trigger({ eventType: 'cache.miss', severity: 'info', dedupKey: `flight-${i}` })));
        if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
      }
      const stored = await Promise.all(pending);
      expect(new Set(stored.map((alert) => alert.id)).size).toBe(200);
      expect(await db().alert.count({ where: { dedupKey: { startsWith: 'flight-' } } })).toBe(200);
    } finally {
      spy.mockRestore();
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
    expect(statements).toBeLessThan(20);
  });

  it('acknowledge and resolve update every message and reply in each thread; a resolved key opens a new alert', async () => {
    runWorker();
    const alert = await ingestAlert(scope, trigger({ dedupKey: 'life-1' }));
    await waitFor(async () => (await deliveriesOf(alert.id)).every((d) => d.state === 'sent'), 10_000, 'posted');

    const acked = await ingestAlert(scope, { action: 'acknowledge', dedupKey: 'life-1', fields: {}, links: [] });
    expect(acked.status).toBe('acknowledged');
    await waitFor(async () => postsTo(ALERTS, alert.id)[0]?.edited && (await db().threadReply.count({ where: { delivery: { alertId: alert.id }, sentAt: { not: null } } })) === 2, 10_000, 'ack shown');
    const message = postsTo(ALERTS, alert.id)[0]!;
    expect(JSON.stringify(message.blocks)).toContain('Acknowledged by');
    expect(JSON.stringify(message.blocks)).not.toContain('alert_acknowledge');

    const again = await changeAlertStatusFor(scope, alert.id, 'acknowledge');
    expect(again).toMatchObject({ changed: false, unchangedReason: 'already acknowledged' });

    await ingestAlert(scope, { action: 'resolve', dedupKey: 'life-1', fields: {}, links: [] });
    const reopened = await ingestAlert(scope, trigger({ dedupKey: 'life-1' }));
    expect(reopened.created).toBe(true);
    expect(reopened.id).not.toBe(alert.id);
    const activity = await db().alertActivity.findMany({ where: { alertId: alert.id }, orderBy: { at: 'asc' } });
    expect(activity.map((a) => [a.kind, a.via])).toEqual([
      ['triggered', 'api'],
      ['acknowledged', 'api'],
      ['resolved', 'api'],
    ]);
  });

  it('marks permanent failures dead with the reason, without retrying', async () => {
    runWorker();
    const result = await ingestAlert(scope, trigger({ eventType: 'db.down' }));
    const rows = await waitFor(async () => {
      const current = await deliveriesOf(result.id);
      return current.every((d) => d.state === 'dead') && current;
    }, 10_000, 'dead deliveries');
    expect(rows.map((d) => [d.channelId, d.lastError])).toEqual([
      [ARCHIVED, expect.stringContaining('is_archived')],
      [SECRET, 'channel_not_found'],
    ]);
  });

  it('retries dead deliveries on request: one, all of an alert, all of the workspace, each posted once', async () => {
    runWorker();
    emulator.state.failNext('chat.postMessage', { error: 'invalid_auth' }, 1_000);
    const a = await ingestAlert(scope, trigger({ title: 'retry a' }));
    const b = await ingestAlert(scope, trigger({ title: 'retry b' }));
    const states = async (id: string) => (await deliveriesOf(id)).map((d) => [d.channelId, d.state]);
    await waitFor(async () => [...(await deliveriesOf(a.id)), ...(await deliveriesOf(b.id))].every((d) => d.state === 'dead'), 10_000, 'all dead');
    emulator.state.faults.clear(); // the token works again (a reinstall)
    expect((await deliveriesOf(a.id)).map((d) => d.lastError)).toEqual(['invalid_auth', 'invalid_auth']);

    expect(await retryDeliveries(scope, { alertId: a.id, channel: ALERTS })).toEqual({ retried: 1 });
    await waitFor(async () => (await deliveriesOf(a.id)).find((d) => d.channelId === ALERTS)?.state === 'sent', 10_000, 'one retried');
    expect(await states(a.id)).toEqual([[ALERTS, 'sent'], [OPS, 'dead']]);

    expect(await retryDeliveries(scope, { alertId: a.id })).toEqual({ retried: 1 });
    await waitFor(async () => (await deliveriesOf(a.id)).every((d) => d.state === 'sent'), 10_000, "the alert's retried");
    expect(await states(b.id)).toEqual([[ALERTS, 'dead'], [OPS, 'dead']]);

    // The workspace's: b's two, and the archived/private ones of an earlier test (which die again).
    expect((await retryDeliveries(scope)).retried).toBeGreaterThanOrEqual(2);
    await waitFor(async () => (await deliveriesOf(b.id)).every((d) => d.state === 'sent'), 10_000, "the workspace's retried");
    for (const id of [a.id, b.id]) for (const channel of [ALERTS, OPS]) expect(postsTo(channel, id)).toHaveLength(1);
    // Fresh attempts: the dead one's error and count are gone (#ops may need a join first: two attempts).
    expect((await deliveriesOf(a.id)).map((d) => [d.lastError === 'invalid_auth', d.attempts <= 2])).toEqual([[false, true], [false, true]]);
  });

  it('refuses to retry for another workspace\'s alert, or for a viewer', async () => {
    await expect(retryDeliveries(scope, { alertId: 'no-such-alert' })).rejects.toThrow('No such alert.');
    await expect(retryDeliveries({ ...scope, role: 'viewer' })).rejects.toThrow('Only workspace admins');
  });

  it("paces a burst at one message per second per channel (after a burst of 2, within Slack's), without dropping any", async () => {
    runWorker();
    const limitedBefore = emulator.state.calls('chat.postMessage').filter((call) => call.status === 429).length;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await ingestAlert(scope, trigger({ eventType: 'burst.x', severity: 'warning', title: `burst ${i}` }))).id);
    const rows = await waitFor(async () => {
      const all = await db().delivery.findMany({ where: { alertId: { in: ids } }, orderBy: { sentAt: 'asc' } });
      return all.every((d) => d.state === 'sent') && all;
    }, 15_000, 'burst delivered');
    const sentAt = rows.map((row) => row.sentAt!.getTime());
    // A burst of 2, then one per second: never three posts within a second, five take at least three seconds.
    expect(Math.min(...sentAt.slice(2).map((at, index) => at - sentAt[index]!))).toBeGreaterThanOrEqual(900);
    expect(sentAt[4]! - sentAt[0]!).toBeGreaterThanOrEqual(2900);
    expect(emulator.state.calls('chat.postMessage').filter((call) => call.status === 429)).toHaveLength(limitedBefore);
    expect(ids.every((id) => postsTo(ALERTS, id).length === 1)).toBe(true);
  });

  it('honours 429 Retry-After and retries 5xx with backoff: nothing lost, nothing twice', async () => {
    emulator.state.failNext('chat.postMessage', { ratelimited: 1 }, 2);
    emulator.state.failNext('chat.postMessage', { status: 503 }, 1);
    runWorker();
    const result = await ingestAlert(scope, trigger({ title: 'storm' }));
    await waitFor(async () => (await deliveriesOf(result.id)).every((d) => d.state === 'sent'), 15_000, 'delivered after the storm');
    expect(postsTo(ALERTS, result.id)).toHaveLength(1);
    expect(postsTo(OPS, result.id)).toHaveLength(1);
  });

  it('a hanging Slack call holds up only its own delivery, not the ones behind it', async () => {
    const INCIDENTS = 'C0ACMEINCD'; // private, the bot is a member; no other test posts there
    await addRoute(workspaces.acme.id, { eventTypes: ['hang.*'], severities: ['warning'], channelIds: [INCIDENTS], position: 3, stormLimit: 0 });
    emulator.state.delayNext('chat.postMessage', 4000);
    runWorker();
    const slow = await ingestAlert(scope, trigger({ eventType: 'hang.x', severity: 'warning', title: 'Slack hangs on this one' }));
    await waitFor(() => Promise.resolve(emulator.state.faults.pending().length === 0), 5000, 'the hanging call under way');
    const started = Date.now();
    const next = await ingestAlert(scope, trigger({ eventType: 'hang.x', severity: 'warning', title: 'behind it' }));
    await waitFor(async () => (await deliveriesOf(next.id)).every((d) => d.state === 'sent'), 3000, 'the next alert posted');
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await deliveriesOf(slow.id)).map((d) => d.state)).toEqual(['pending']);
    await waitFor(async () => (await deliveriesOf(slow.id)).every((d) => d.state === 'sent'), 8000, 'the slow one posted too');
    expect(postsTo(INCIDENTS, slow.id)).toHaveLength(1);
    expect(postsTo(INCIDENTS, next.id)).toHaveLength(1);
  });

  it('never posts twice when the worker dies after Slack accepted the post', async () => {
    // Slack stores the message, but the answer never arrives: the worker cannot know it was posted.
    emulator.state.dropNextResponse('chat.postMessage', 1);
    runWorker();
    const result = await ingestAlert(scope, trigger({ title: 'lost answer' }));
    await waitFor(async () => (await deliveriesOf(result.id)).every((d) => d.state === 'sent'), 15_000, 'reconciled');
    expect(postsTo(ALERTS, result.id)).toHaveLength(1);
    expect(postsTo(OPS, result.id)).toHaveLength(1);
    expect(emulator.state.calls('conversations.history').length).toBeGreaterThan(0);
  });

  it('never posts twice when Slack carries a post out after the call gave up on it (a late carry-out)', async () => {
    // Slack holds the call 12 s before carrying it out; the client gives up at 10 s. Looked for a second later
    // (the backoff), it is not there yet, and a second post went out (seen in the scale run's rolling restart).
    emulator.state.delayNext('chat.postMessage', 12_000);
    runWorker({ post: { lateCarryOutMs: 14_000 } });
    const started = Date.now();
    const result = await ingestAlert(scope, trigger({ eventType: 'burst.late', severity: 'warning', title: 'carried out late' }));
    const [delivery] = await waitFor(async () => {
      const found = await deliveriesOf(result.id);
      return found.every((d) => d.state === 'sent') ? found : null;
    }, 30_000, 'posted');
    // Past the carry-out: one message, looked for no sooner than 14 s after the call began, found and recorded.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 13_000 - Date.now())));
    expect(postsTo(ALERTS, result.id)).toHaveLength(1);
    expect(delivery!.sentAt!.getTime() - started).toBeGreaterThanOrEqual(14_000);
  }, 40_000);

  it('never posts twice when the lookup after a lost answer is itself refused (429 on conversations.history)', async () => {
    // Slack stores the message but its answer is lost; the next attempt's look for it is rate-limited. That
    // proves nothing about the first attempt: the attempt after it must look again rather than post.
    emulator.state.dropNextResponse('chat.postMessage', 1);
    emulator.state.failNext('conversations.history', { ratelimited: 1 }, 1);
    const refusedBefore = emulator.state.calls('conversations.history').filter((call) => call.status === 429).length;
    runWorker();
    const result = await ingestAlert(scope, trigger({ title: 'lost answer, refused lookup' }));
    await waitFor(async () => (await deliveriesOf(result.id)).every((d) => d.state === 'sent'), 15_000, 'reconciled');
    expect(emulator.state.calls('conversations.history').filter((call) => call.status === 429).length).toBe(refusedBefore + 1);
    expect(postsTo(ALERTS, result.id)).toHaveLength(1);
    expect(postsTo(OPS, result.id)).toHaveLength(1);
  });

  // As PostgreSQL refuses a connection when max_connections is reached, or ends a statement that met a deadlock,
  // for the one statement that records the post.
  it.each([
    ['the database out of connections', () => Object.assign(new Error('sorry, too many clients already'), { code: '53300', severity: 'FATAL' })],
    ['a deadlock', () => Object.assign(new pg.DatabaseError('deadlock detected', 0, 'error'), { code: '40P01' })],
  ])('a post whose outcome could not be recorded (%s) is retried, found and kept once, not dead', async (_what, failure) => {
    const pool = sqlPool();
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    let refused = 0;
    const refusing = async (...args: unknown[]): Promise<unknown> => {
      const text = (args[0] as { text?: unknown } | undefined)?.text;
      if (refused > 0 || typeof text !== 'string' || !text.includes("SET state = 'sent'")) return query(...args);
      refused += 1;
      throw failure();
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the outbox calls query's promise overload, not the callback one
    const spy = vi.spyOn(pool, 'query').mockImplementation(refusing);
    try {
      runWorker();
      const result = await ingestAlert(scope, trigger({ eventType: 'burst.x', severity: 'warning', title: 'unrecorded post' }));
      await waitFor(async () => (await deliveriesOf(result.id)).every((d) => d.state !== 'pending' && d.state !== 'failed'), 15_000, 'settled');
      expect(refused).toBe(1);
      expect((await deliveriesOf(result.id)).map((d) => d.state)).toEqual(['sent']);
      expect(postsTo(ALERTS, result.id)).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('a worker killed mid-delivery leaves the lease to expire; another worker completes it once', async () => {
    const result = await ingestAlert(scope, trigger({ title: 'killed worker' }));
    const [first] = await deliveriesOf(result.id);
    // What a killed worker leaves: the post started and was accepted by Slack, the outcome never recorded.
    emulator.state.dropNextResponse('chat.postMessage', 1);
    const token = emulator.state.botToken(workspaces.acme.id)!;
    await db().delivery.update({ where: { id: first!.id }, data: { postStartedAt: new Date(), attempts: 1, lockedUntil: new Date(Date.now() + 300) } });
    await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: first!.channelId, text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: result.id } }], metadata: { event_type: 'klaxon_alert', event_payload: { delivery_id: first!.id } } }),
    }).catch(() => undefined);
    runWorker();
    await waitFor(async () => (await deliveriesOf(result.id)).every((d) => d.state === 'sent'), 15_000, 'completed by another worker');
    expect(postsTo(first!.channelId, result.id)).toHaveLength(1);
  });

  it('any number of workers share the queue without posting anything twice', async () => {
    const workers = [startWorker({ pollMs: 50 }), startWorker({ pollMs: 50 }), startWorker({ pollMs: 50 })];
    try {
      const ids = await Promise.all(Array.from({ length: 3 }, (_, i) => ingestAlert(scope, trigger({ title: `shared ${i}` })).then((r) => r.id)));
      await waitFor(async () => (await db().delivery.count({ where: { alertId: { in: ids }, state: 'sent' } })) === 6, 20_000, 'all shared sent');
      for (const id of ids) {
        expect(postsTo(ALERTS, id)).toHaveLength(1);
        expect(postsTo(OPS, id)).toHaveLength(1);
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });
});
