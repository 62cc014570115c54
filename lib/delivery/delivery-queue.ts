// The delivery queue is the deliveries and thread_replies tables themselves: workers claim due rows with
// FOR UPDATE SKIP LOCKED and hold them by a lease (locked_until / next_attempt_at), so any number of worker
// processes share the work and a killed worker's rows come back when its lease ends.
import { db } from '../db';
import { Prisma, type DeliveryState } from '../generated/prisma/client';

/** ClaimedDelivery is a delivery a worker holds: a message to post, or a posted one to update. */
export interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  alertId: string;
  channelId: string;
  templateId: string | null;
  state: DeliveryState;
  attempts: number;
  messageTs: string | null;
  postStartedAt: Date | null;
  pacedSlot: Date | null;
  lastError: string | null;
}

/** ClaimedReply is a thread reply a worker holds, with where to post it. */
export interface ClaimedReply {
  id: string;
  workspaceId: string;
  channelId: string;
  threadTs: string;
  text: string;
  attempts: number;
}

// Each kind of due work is claimed by its own statement, so that each walks its own index in
// next_attempt_at order and stops after `limit` rows, however large the backlog or the delivery history.
const DUE = {
  post: Prisma.sql`state = 'pending'`,
  retry: Prisma.sql`state = 'failed'`,
  update: Prisma.sql`dirty = true`, // only posted messages are ever marked dirty
};

async function claim(kind: keyof typeof DUE, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  return db().$queryRaw<ClaimedDelivery[]>`
    UPDATE deliveries d SET locked_until = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE d.id IN (
      SELECT id FROM deliveries
      WHERE ${DUE[kind]} AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.workspace_id AS "workspaceId", d.alert_id AS "alertId", d.channel_id AS "channelId",
              d.template_id AS "templateId", d.state, d.attempts, d.message_ts AS "messageTs",
              d.post_started_at AS "postStartedAt", d.paced_slot AS "pacedSlot", d.last_error AS "lastError"`;
}

/** claimDeliveries leases up to `limit` due deliveries (posts first, then retries, then updates) for `leaseMs`. */
export async function claimDeliveries(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const claimed: ClaimedDelivery[] = [];
  for (const kind of ['post', 'retry', 'update'] as const) {
    if (claimed.length >= limit) break;
    claimed.push(...(await claim(kind, limit - claimed.length, leaseMs)));
  }
  return claimed;
}

/** claimReplies leases up to `limit` due thread replies whose parent message has been posted. */
export async function claimReplies(limit: number, leaseMs: number): Promise<ClaimedReply[]> {
  return db().$queryRaw<ClaimedReply[]>`
    UPDATE thread_replies r SET next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    FROM deliveries d
    WHERE r.id IN (
      SELECT r2.id FROM thread_replies r2 JOIN deliveries d2 ON d2.id = r2.delivery_id
      WHERE r2.sent_at IS NULL AND NOT r2.dead AND r2.next_attempt_at <= now() AND d2.message_ts IS NOT NULL
      ORDER BY r2.created_at
      LIMIT ${limit}
      FOR UPDATE OF r2 SKIP LOCKED)
      AND d.id = r.delivery_id
    RETURNING r.id, r.workspace_id AS "workspaceId", d.channel_id AS "channelId", d.message_ts AS "threadTs", r.text, r.attempts`;
}

// Posting slots per channel follow Slack's rule of one message per second with short bursts tolerated, as a
// GCRA: next_post_at is the channel's theoretical arrival time, advanced one second per booked post; a post
// may go up to BURST_ALLOWANCE ahead of it. The allowance keeps one late post (a slow render, a busy core)
// from pushing every later post of a busy channel back by the same delay.
const POST_INTERVAL = Prisma.sql`interval '1 second'`;
const BURST_ALLOWANCE = Prisma.sql`interval '1 second'`; // a burst of 2; Slack tolerates a little more

/** reserveSlot books a posting slot of a channel and returns when this message may go. */
export async function reserveSlot(workspaceId: string, channelId: string, notBefore: Date = new Date()): Promise<Date> {
  const [row] = await db().$queryRaw<Array<{ slot: Date }>>`
    INSERT INTO channel_pacing (workspace_id, channel_id, next_post_at)
    VALUES (${workspaceId}, ${channelId}, GREATEST(now(), ${notBefore}) + ${POST_INTERVAL})
    ON CONFLICT (workspace_id, channel_id)
      DO UPDATE SET next_post_at = GREATEST(channel_pacing.next_post_at, now(), ${notBefore}) + ${POST_INTERVAL}
    RETURNING GREATEST(now(), ${notBefore}, next_post_at - ${POST_INTERVAL} - ${BURST_ALLOWANCE}) AS slot`;
  return row!.slot;
}

/** holdChannel books nothing before `until` on a channel (after Slack answered 429). */
export async function holdChannel(workspaceId: string, channelId: string, until: Date): Promise<void> {
  await db().$executeRaw`
    INSERT INTO channel_pacing (workspace_id, channel_id, next_post_at) VALUES (${workspaceId}, ${channelId}, ${until}::timestamptz + ${BURST_ALLOWANCE})
    ON CONFLICT (workspace_id, channel_id)
      DO UPDATE SET next_post_at = GREATEST(channel_pacing.next_post_at, ${until}::timestamptz + ${BURST_ALLOWANCE})`;
}

/** recordPosted marks a delivery sent; it stays dirty if the alert changed after the rendered version. */
export async function recordPosted(deliveryId: string, ts: string, renderedAt: Date): Promise<void> {
  await db().$executeRaw`
    UPDATE deliveries d SET state = 'sent', message_ts = ${ts}, sent_at = now(), locked_until = NULL, post_started_at = NULL,
      paced_slot = NULL, last_error = NULL, updated_at = now(),
      dirty = EXISTS (SELECT 1 FROM alerts a WHERE a.id = d.alert_id AND a.updated_at > ${renderedAt}),
      next_attempt_at = now()
    WHERE d.id = ${deliveryId}`;
}

/** recordUpdated clears the dirty flag unless the alert changed again while the update was in flight. */
export async function recordUpdated(deliveryId: string, renderedAt: Date, error: string | null = null): Promise<void> {
  await db().$executeRaw`
    UPDATE deliveries d SET locked_until = NULL, last_error = ${error}, updated_at = now(), next_attempt_at = now(),
      dirty = ${error === null} AND EXISTS (SELECT 1 FROM alerts a WHERE a.id = d.alert_id AND a.updated_at > ${renderedAt})
    WHERE d.id = ${deliveryId}`;
}

/** recordAttemptStart notes, before calling Slack, that a post is under way (so a crash can be reconciled). */
export async function recordAttemptStart(deliveryId: string): Promise<void> {
  await db().delivery.update({ where: { id: deliveryId }, data: { postStartedAt: new Date(), attempts: { increment: 1 } } });
}

/** retryLater releases a delivery until `at`, in `state`, with the reason shown in the dashboard. */
export async function retryLater(
  deliveryId: string,
  at: Date,
  change: { state?: DeliveryState; lastError?: string | null; clearPostStarted?: boolean; pacedSlot?: Date | null },
): Promise<void> {
  await db().delivery.update({
    where: { id: deliveryId },
    data: {
      nextAttemptAt: at,
      lockedUntil: null,
      ...(change.state ? { state: change.state } : {}),
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      ...(change.clearPostStarted ? { postStartedAt: null } : {}),
      ...(change.pacedSlot !== undefined ? { pacedSlot: change.pacedSlot } : {}),
    },
  });
}

/** markDead stops a delivery for good, with the reason shown in the dashboard. */
export async function markDead(deliveryId: string, reason: string): Promise<void> {
  await db().delivery.update({ where: { id: deliveryId }, data: { state: 'dead', lastError: reason, lockedUntil: null, dirty: false } });
}
