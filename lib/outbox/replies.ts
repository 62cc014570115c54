// Thread replies ("Acknowledged by @ada") under alert messages, and reactions on them (✅ on resolve). Only this module reads or writes the
// thread_replies table. A reply waits until its parent message is posted; then workers lease it like a delivery.
import { timeOrderedId } from '../ids';
import { sql } from '../db';
import type { Tx } from './deliveries';

/** ClaimedReply is a thread reply a worker holds, with where to post it. */
export interface ClaimedReply {
  id: string;
  workspaceId: string;
  channelId: string;
  threadTs: string;
  text: string;
  /** Set: add this reaction to the message instead of replying. */
  reaction: string | null;
  attempts: number;
}

/** ReplyWeight is what a reply is about: a status change (acknowledge, resolve, reopen) or another lifecycle event. */
export type ReplyWeight = 'status' | 'event';

/**
 * enqueueReplies queues one reply in the thread of each of the given deliveries' messages, where the route
 * that sent the alert to that channel wants it (its thread verbosity: every event, status changes, nothing).
 */
export async function enqueueReplies(tx: Tx, workspaceId: string, deliveryIds: string[], text: string, weight: ReplyWeight = 'event'): Promise<void> {
  if (deliveryIds.length === 0) return;
  const ids = deliveryIds.map(() => `rpl_${timeOrderedId()}`);
  // The channel's route is the first of the alert's routes (by position) that posts there, as in matchRoutes.
  await tx.$executeRaw`
    INSERT INTO thread_replies (id, workspace_id, delivery_id, text, next_attempt_at, created_at)
    SELECT r.id, ${workspaceId}, r.delivery_id, ${text}, now(), now()
    FROM unnest(${ids}::text[], ${deliveryIds}::text[]) AS r(id, delivery_id)
    JOIN deliveries d ON d.id = r.delivery_id AND d.workspace_id = ${workspaceId}
    JOIN alerts a ON a.id = d.alert_id
    LEFT JOIN LATERAL (
      SELECT thread_replies FROM routes
      WHERE workspace_id = ${workspaceId} AND id = ANY(a.route_ids) AND d.channel_id = ANY(channel_ids)
      ORDER BY position, id LIMIT 1) rt ON true
    WHERE COALESCE(rt.thread_replies, 'all') = 'all' OR (rt.thread_replies = 'status' AND ${weight} = 'status')`;
}

/** enqueueReactions queues a reaction (an emoji name) on each of the given deliveries' messages. */
export async function enqueueReactions(tx: Tx, workspaceId: string, deliveryIds: string[], name: string): Promise<void> {
  if (deliveryIds.length === 0) return;
  const ids = deliveryIds.map(() => `rct_${timeOrderedId()}`);
  await tx.$executeRaw`
    INSERT INTO thread_replies (id, workspace_id, delivery_id, text, reaction, next_attempt_at, created_at)
    SELECT r.id, ${workspaceId}, r.delivery_id, '', ${name}, now(), now() FROM unnest(${ids}::text[], ${deliveryIds}::text[]) AS r(id, delivery_id)`;
}

/** claimReplies leases up to `limit` due thread replies whose parent message has been posted. */
export async function claimReplies(limit: number, leaseMs: number): Promise<ClaimedReply[]> {
  const { rows } = await sql<ClaimedReply>(
    `UPDATE thread_replies r SET next_attempt_at = now() + $2 * interval '1 millisecond'
     FROM deliveries d
     WHERE r.id IN (
       SELECT r2.id FROM thread_replies r2 JOIN deliveries d2 ON d2.id = r2.delivery_id
       WHERE r2.sent_at IS NULL AND NOT r2.dead AND r2.next_attempt_at <= now() AND d2.message_ts IS NOT NULL
       ORDER BY r2.created_at
       LIMIT $1
       FOR UPDATE OF r2 SKIP LOCKED)
       AND d.id = r.delivery_id
     RETURNING r.id, r.workspace_id AS "workspaceId", d.channel_id AS "channelId", d.message_ts AS "threadTs", r.text, r.reaction, r.attempts`,
    [limit, leaseMs],
  );
  return rows;
}

/** recordReplySent marks a reply posted. */
export async function recordReplySent(reply: { id: string }): Promise<void> {
  await sql(`UPDATE thread_replies SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [reply.id]);
}

/** retryReply puts a reply back until `at`, or gives it up (dead) with the reason. */
export async function retryReply(reply: { id: string }, outcome: { at: Date; reason: string; giveUp: boolean }): Promise<void> {
  await sql(`UPDATE thread_replies SET attempts = attempts + 1, last_error = $2, dead = $3, next_attempt_at = $4 WHERE id = $1`, [
    reply.id,
    outcome.reason,
    outcome.giveUp,
    outcome.at,
  ]);
}

/** replyQueueStats counts replies that are due and whose message exists, and the age of the oldest. */
export async function replyQueueStats(): Promise<{ due: number; oldestSeconds: number }> {
  const { rows } = await sql<{ due: number; oldest: number | null }>(
    `SELECT count(*)::int AS due, extract(epoch FROM now() - min(r.created_at))::float8 AS oldest
     FROM thread_replies r JOIN deliveries d ON d.id = r.delivery_id
     WHERE r.sent_at IS NULL AND NOT r.dead AND r.next_attempt_at <= now() AND d.message_ts IS NOT NULL`,
  );
  return { due: rows[0]!.due, oldestSeconds: Math.max(0, rows[0]!.oldest ?? 0) };
}

/** enqueueAlertReplies queues one reply in the thread of every message of an alert (posted, or still to be). */
export async function enqueueAlertReplies(tx: Tx, workspaceId: string, alertId: string, text: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO thread_replies (id, workspace_id, delivery_id, text, next_attempt_at, created_at)
    SELECT 'rpl_' || gen_random_uuid(), workspace_id, id, ${text}, now(), now()
    FROM deliveries WHERE alert_id = ${alertId} AND workspace_id = ${workspaceId} AND state <> 'dead'`;
}
