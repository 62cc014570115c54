// The delivery queue: one row per alert × channel, first a post to make, then a message to keep up to date.
// Only this module reads or writes its tables (deliveries, channel_pacing). Workers lease rows
// (locked_until) with FOR UPDATE SKIP LOCKED, so any number of worker processes share the work and a killed
// worker's rows come back when its lease ends.
//
// Posts wait in per-channel queues that cost nothing while they wait: a claim skips through the
// deliveries_post_queue index to the channels that have queued posts, keeps those whose pacing allows a post
// now, and takes only each one's head (most severe first, oldest first within a severity), booking the slot
// in the same statement. A backlog of thousands on one channel is never touched until its turn.
import { sql } from '../db';
import type { AlertStatus, Prisma, Severity } from '../generated/prisma/client';
import { markGroupsChanged } from './groups';
import type { PostChannel } from './signal';

/** Tx is the transaction that outbox writes join, so that work is queued if and only if its cause commits. */
export type Tx = Prisma.TransactionClient;

/** MessageSource is everything needed to render and send one alert message, read in the claim itself. */
export interface MessageSource {
  id: string;
  workspaceId: string;
  alertId: string;
  channelId: string;
  attempts: number;
  lastError: string | null;
  messageTs: string | null;
  /** The key of the alert group its route puts it in on this channel (null: a message of its own). */
  groupKey: string | null;
  /** When the delivery was created: when its alert was accepted. */
  createdAt: Date;
  alert: {
    id: string;
    eventType: string;
    severity: Severity;
    title: string;
    description: string | null;
    source: string | null;
    fields: unknown;
    links: unknown;
    occurrences: number;
    status: AlertStatus;
    occurredAt: Date;
    lastSeenAt: Date;
    acknowledgedBy: unknown;
    resolvedBy: unknown;
    snoozedUntil: Date | null;
    updatedAt: Date;
    /** Who is on call for it ("On call: @ada"), and whether it has an escalation to bring forward (Escalate). */
    onCallUserId?: string | null;
    escalates?: boolean;
  };
  /** The route's Block Kit template (null: the default template). */
  templateBlocks: unknown;
  token: { ciphertext: string | null; keyId: string | null; expiresAt: Date | null; uninstalled: boolean };
}

/** ClaimedPost is a post a worker holds, with its channel's next posting slot. */
export interface ClaimedPost extends MessageSource {
  /**
   * The earliest earlier attempt whose outcome is unknown (a worker died mid-call, an answer was lost, or the
   * lookup of its message failed) began then: look for its message first.
   */
  previousAttemptAt: Date | null;
  /** When this channel may post again (GCRA), so the worker can be back on time. */
  nextSlot: Date;
  /**
   * When the lease ends at the latest, on this process's performance.now() clock: the claim's start plus its lease
   * (the database's own clock, which may differ from this one, is never compared with it).
   */
  leaseEndsAt: number;
}

// Pacing follows Slack's one message per second per channel with short bursts tolerated, as a GCRA:
// next_post_at is the channel's theoretical arrival time, advanced one second per post; a post conforms while
// it is at most TOLERANCE ahead of it (a burst of 2). Slack tolerates a little more (the emulator, 3).
const INTERVAL = `interval '1 second'`;
const TOLERANCE = `interval '1 second'`;

// The columns every claim returns, from h (the claimed rows' own columns) joined to the alert, the template,
// the installation and the workspace. The alert is built with json_build_object: jsonb would re-sort its fields.
const MESSAGE_COLUMNS = `
  h.id, h.workspace_id AS "workspaceId", h.alert_id AS "alertId", h.channel_id AS "channelId",
  h.last_error AS "lastError", h.message_ts AS "messageTs", h.group_key AS "groupKey", h.created_at AS "createdAt",
  json_build_object('id', a.id, 'eventType', a.event_type, 'severity', a.severity, 'title', a.title, 'description', a.description,
    'source', a.source, 'fields', a.fields, 'links', a.links, 'occurrences', a.occurrences, 'status', a.status,
    'occurredAt', a.occurred_at, 'lastSeenAt', a.last_seen_at, 'acknowledgedBy', a.acknowledged_by, 'resolvedBy', a.resolved_by,
    'snoozedUntil', a.snoozed_until, 'updatedAt', a.updated_at, 'onCallUserId', a.on_call_user_id,
    'escalates', a.escalation_policy_id IS NOT NULL AND a.status = 'triggered') AS alert,
  t.blocks AS "templateBlocks",
  jsonb_build_object('ciphertext', i.bot_token_ciphertext, 'keyId', i.token_key_id, 'expiresAt', i.token_expires_at,
    'uninstalled', w.uninstalled_at IS NOT NULL OR i.workspace_id IS NULL) AS token`;

const MESSAGE_JOINS = `
  JOIN alerts a ON a.id = h.alert_id
  LEFT JOIN templates t ON t.id = h.template_id AND t.workspace_id = h.workspace_id
  LEFT JOIN installations i ON i.workspace_id = h.workspace_id
  JOIN workspaces w ON w.id = h.workspace_id`;

// Every channel with queued posts, by skipping through the deliveries_post_queue index.
const QUEUED_CHANNELS = `
  WITH RECURSIVE channels AS (
    (SELECT workspace_id, channel_id FROM deliveries WHERE state IN ('pending', 'failed') ORDER BY workspace_id, channel_id LIMIT 1)
    UNION ALL
    SELECT n.workspace_id, n.channel_id FROM channels c, LATERAL (
      SELECT workspace_id, channel_id FROM deliveries
      WHERE state IN ('pending', 'failed') AND (workspace_id, channel_id) > (c.workspace_id, c.channel_id)
      ORDER BY workspace_id, channel_id LIMIT 1) n
`;
// The channels named by the parameters $3 (workspace ids) and $4 (channel ids).
const NAMED_CHANNELS = `
  WITH channels AS (SELECT DISTINCT workspace_id, channel_id FROM unnest($3::text[], $4::text[]) AS c(workspace_id, channel_id)
`;

// The claim of the head post of each of `channels` whose slot is due (at most $1), leased for $2 ms.
const claimPostsSql = (channels: string) => `${channels}
  ), ready AS (
    SELECT c.workspace_id, c.channel_id FROM channels c
    LEFT JOIN channel_pacing p ON p.workspace_id = c.workspace_id AND p.channel_id = c.channel_id
    WHERE p.next_post_at IS NULL OR p.next_post_at <= now() + ${TOLERANCE}
    ORDER BY p.next_post_at NULLS FIRST
    LIMIT $1
  ), heads AS (
    SELECT q.* FROM ready r, LATERAL (
      SELECT d.id, d.workspace_id, d.channel_id, d.alert_id, d.template_id, d.attempts, d.last_error, d.message_ts, d.group_key, d.created_at, d.post_started_at
      FROM deliveries d
      WHERE d.workspace_id = r.workspace_id AND d.channel_id = r.channel_id AND d.state IN ('pending', 'failed')
        AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now())
      ORDER BY d.priority, d.created_at, d.id
      LIMIT 1
      FOR UPDATE SKIP LOCKED) q
  ), booked AS (
    -- Booking re-reads the channel's latest pacing under its row lock, so two workers never both take a slot
    -- that only one of them may have.
    INSERT INTO channel_pacing AS p (workspace_id, channel_id, next_post_at)
    SELECT workspace_id, channel_id, now() + ${INTERVAL} FROM heads ORDER BY workspace_id, channel_id
    ON CONFLICT (workspace_id, channel_id) DO UPDATE
      SET next_post_at = GREATEST(p.next_post_at, now()) + ${INTERVAL}
      WHERE p.next_post_at <= now() + ${TOLERANCE}
    RETURNING workspace_id, channel_id, next_post_at
  ), claimed AS (
    -- post_started_at keeps the earliest attempt not yet accounted for: the one whose message may be in Slack.
    UPDATE deliveries d SET locked_until = now() + $2 * interval '1 millisecond', post_started_at = COALESCE(d.post_started_at, now()), attempts = d.attempts + 1
    FROM heads h JOIN booked b ON b.workspace_id = h.workspace_id AND b.channel_id = h.channel_id
    WHERE d.id = h.id
    RETURNING d.id, b.next_post_at
  )
  SELECT ${MESSAGE_COLUMNS}, h.attempts + 1 AS attempts, h.post_started_at AS "previousAttemptAt",
         c.next_post_at - ${TOLERANCE} AS "nextSlot"
  FROM heads h JOIN claimed c ON c.id = h.id ${MESSAGE_JOINS}`;
const CLAIM_POSTS_SQL = claimPostsSql(QUEUED_CHANNELS);
const CLAIM_CHANNEL_POSTS_SQL = claimPostsSql(NAMED_CHANNELS);

/** claimPosts leases up to `limit` posts that may go now: the head of each channel whose slot is due. */
export async function claimPosts(limit: number, leaseMs: number): Promise<ClaimedPost[]> {
  const leaseEndsAt = performance.now() + leaseMs;
  const { rows } = await sql<ClaimedPost>(CLAIM_POSTS_SQL, [limit, leaseMs]);
  return rows.map((row) => withDates(Object.assign(row, { leaseEndsAt })));
}

/**
 * claimChannelPosts is claimPosts for the named channels only (those that just got posts): it reads a few
 * index entries instead of scanning every channel with a queue, so a new alert's post is on its way sooner.
 */
export async function claimChannelPosts(channels: readonly PostChannel[], limit: number, leaseMs: number): Promise<ClaimedPost[]> {
  const leaseEndsAt = performance.now() + leaseMs;
  const { rows } = await sql<ClaimedPost>(CLAIM_CHANNEL_POSTS_SQL, [
    limit,
    leaseMs,
    channels.map((channel) => channel.workspaceId),
    channels.map((channel) => channel.channelId),
  ]);
  return rows.map((row) => withDates(Object.assign(row, { leaseEndsAt })));
}

/**
 * renewPostLease extends a claimed post's lease to at least `ms` from now, if it is still held (its lease has not
 * ended: no other worker can have claimed it). False when it had ended.
 */
export async function renewPostLease(post: { id: string }, ms: number): Promise<boolean> {
  const { rowCount } = await sql(
    `UPDATE deliveries SET locked_until = GREATEST(locked_until, now() + $2 * interval '1 millisecond')
     WHERE id = $1 AND state IN ('pending', 'failed') AND locked_until > now()`,
    [post.id, ms],
  );
  return rowCount === 1;
}

const CLAIM_UPDATES_SQL = `
  WITH h AS (
    SELECT id, workspace_id, alert_id, channel_id, template_id, attempts, last_error, message_ts, group_key, created_at FROM deliveries
    WHERE dirty AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
    ORDER BY next_attempt_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE deliveries d SET locked_until = now() + $2 * interval '1 millisecond' FROM h WHERE d.id = h.id RETURNING d.id
  )
  SELECT ${MESSAGE_COLUMNS}, h.attempts FROM h JOIN claimed c ON c.id = h.id ${MESSAGE_JOINS}`;

/** claimUpdates leases up to `limit` posted messages that no longer show their alert's current state. */
export async function claimUpdates(limit: number, leaseMs: number): Promise<MessageSource[]> {
  const { rows } = await sql<MessageSource>(CLAIM_UPDATES_SQL, [limit, leaseMs]);
  return rows.map(withDates);
}

// JSON objects bring timestamps back as strings, without a zone: they are UTC (see lib/db.ts).
const utcDate = (value: unknown) => (typeof value === 'string' ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`) : value);

function withDates<T extends MessageSource>(row: T): T {
  const alert = row.alert as Record<string, unknown>;
  for (const field of ['occurredAt', 'lastSeenAt', 'updatedAt', 'snoozedUntil']) alert[field] = utcDate(alert[field]);
  row.token.expiresAt = utcDate(row.token.expiresAt) as Date | null;
  return row;
}

/** recordPosted marks a delivery sent; it stays dirty if the alert changed after the rendered version. */
export async function recordPosted(delivery: { id: string }, ts: string, renderedAt: Date): Promise<void> {
  await sql(
    `UPDATE deliveries d SET state = 'sent', message_ts = $2, sent_at = now(), locked_until = NULL, post_started_at = NULL,
       last_error = NULL, updated_at = now(), next_attempt_at = now(),
       dirty = EXISTS (SELECT 1 FROM alerts a WHERE a.id = d.alert_id AND a.updated_at > $3)
     WHERE d.id = $1`,
    [delivery.id, ts, renderedAt],
  );
}

/** PostRetry says when a post that did not go may try again, and why. */
export interface PostRetry {
  at: Date;
  state?: 'pending' | 'failed';
  lastError: string;
  /** Slack did not take it (429, or a known error before the call), nor any earlier attempt: nothing to reconcile on the next try. */
  notSent?: boolean;
  /** Slack answered 429: nothing may be posted to the channel before `at`. */
  holdChannel?: boolean;
}

/** retryPost releases a post until `retry.at`; after a 429 it also holds its channel until then. */
export async function retryPost(delivery: { id: string }, retry: PostRetry): Promise<void> {
  await sql(
    `WITH target AS (
       UPDATE deliveries SET next_attempt_at = $2, locked_until = NULL, last_error = $3, updated_at = now(),
         state = COALESCE($4::"DeliveryState", state),
         post_started_at = CASE WHEN $5 THEN NULL ELSE post_started_at END
       WHERE id = $1 RETURNING workspace_id, channel_id
     )
     UPDATE channel_pacing p SET next_post_at = GREATEST(p.next_post_at, $2::timestamptz + ${TOLERANCE})
     FROM target WHERE $6 AND p.workspace_id = target.workspace_id AND p.channel_id = target.channel_id`,
    [delivery.id, retry.at, retry.lastError, retry.state ?? null, retry.notSent ?? false, retry.holdChannel ?? false],
  );
}

/** markDead stops a delivery for good, with the reason shown in the dashboard. */
export async function markDead(delivery: { id: string }, reason: string): Promise<void> {
  await sql(`UPDATE deliveries SET state = 'dead', last_error = $2, locked_until = NULL, dirty = false, updated_at = now() WHERE id = $1`, [
    delivery.id,
    reason,
  ]);
}

/** recordUpdated clears the dirty flag unless the alert changed again while the update was in flight. */
export async function recordUpdated(delivery: { id: string }, renderedAt: Date, error: string | null = null): Promise<void> {
  await sql(
    `UPDATE deliveries d SET locked_until = NULL, last_error = $3, updated_at = now(), next_attempt_at = now(),
       dirty = $3::text IS NULL AND EXISTS (SELECT 1 FROM alerts a WHERE a.id = d.alert_id AND a.updated_at > $2)
     WHERE d.id = $1`,
    [delivery.id, renderedAt, error],
  );
}

/** retryUpdate releases a message update until `at` (still dirty), with the reason. */
export async function retryUpdate(delivery: { id: string }, at: Date, lastError: string): Promise<void> {
  await sql(`UPDATE deliveries SET next_attempt_at = $2, locked_until = NULL, last_error = $3, updated_at = now() WHERE id = $1`, [
    delivery.id,
    at,
    lastError,
  ]);
}

/**
 * intakeDeliveriesSql is the outbox's part of the statement that stores a batch of alerts (one statement, for
 * intake speed): CTEs that queue a post per channel of each newly opened alert, and mark the messages of
 * bumped alerts for an update. `upserted` names a CTE of (id, workspace_id, severity, inserted); `now` and
 * the four arrays (alert id, channel id, template id, ordinal) are parameter placeholders.
 *
 * When `lease` (a boolean placeholder) is true — a worker in this process will post them — a new post that
 * would be its channel's head and whose slot is due is leased for `leaseMs` and its slot booked in the same
 * statement, so no claim round trip stands between the commit and the Slack call: the `leased` CTE gives what
 * intakeLeasedPosts needs. A channel with posts already waiting keeps its order: those go first.
 */
export function intakeDeliveriesSql(p: {
  upserted: string;
  now: string;
  alertIds: string;
  channelIds: string;
  templateIds: string;
  ordinals: string;
  groupKeys: string;
  lease: string;
  leaseMs: string;
}): string {
  return `
  fresh AS (
    SELECT d.alert_id || '_' || d.ord AS id, u.workspace_id, u.id AS alert_id, d.channel_id, d.template_id, d.group_key,
           array_position(ARRAY['critical', 'error', 'warning', 'info']::"Severity"[], u.severity) - 1 AS priority
    FROM unnest(${p.alertIds}::text[], ${p.channelIds}::text[], ${p.templateIds}::text[], ${p.ordinals}::int[], ${p.groupKeys}::text[])
      AS d(alert_id, channel_id, template_id, ord, group_key)
    JOIN ${p.upserted} u ON u.id = d.alert_id AND u.inserted
  ), leasable AS (
    SELECT DISTINCT ON (f.workspace_id, f.channel_id) f.id, f.workspace_id, f.channel_id
    FROM fresh f
    WHERE ${p.lease} AND NOT EXISTS (
      SELECT 1 FROM deliveries q
      WHERE q.workspace_id = f.workspace_id AND q.channel_id = f.channel_id AND q.state IN ('pending', 'failed')
        AND q.next_attempt_at <= now() AND (q.locked_until IS NULL OR q.locked_until < now()))
    ORDER BY f.workspace_id, f.channel_id, f.priority, f.id
  ), intake_booked AS (
    INSERT INTO channel_pacing AS p (workspace_id, channel_id, next_post_at)
    SELECT workspace_id, channel_id, now() + ${INTERVAL} FROM leasable ORDER BY workspace_id, channel_id
    ON CONFLICT (workspace_id, channel_id) DO UPDATE
      SET next_post_at = GREATEST(p.next_post_at, now()) + ${INTERVAL}
      WHERE p.next_post_at <= now() + ${TOLERANCE}
    RETURNING workspace_id, channel_id, next_post_at
  ), new_deliveries AS (
    INSERT INTO deliveries (id, workspace_id, alert_id, channel_id, template_id, group_key, state, priority, attempts, next_attempt_at, dirty,
                            locked_until, post_started_at, created_at, updated_at)
    SELECT f.id, f.workspace_id, f.alert_id, f.channel_id, f.template_id, f.group_key, 'pending', f.priority, CASE WHEN b.channel_id IS NULL THEN 0 ELSE 1 END,
           ${p.now}, false, CASE WHEN b.channel_id IS NULL THEN NULL ELSE now() + ${p.leaseMs} * interval '1 millisecond' END,
           CASE WHEN b.channel_id IS NULL THEN NULL ELSE now() END, ${p.now}, ${p.now}
    FROM fresh f
    LEFT JOIN leasable l ON l.id = f.id
    LEFT JOIN intake_booked b ON b.workspace_id = l.workspace_id AND b.channel_id = l.channel_id
    RETURNING id, workspace_id, alert_id, channel_id, template_id, group_key, locked_until IS NOT NULL AS leased
  ), leased AS (
    SELECT n.id, n.alert_id, n.channel_id, n.group_key, b.next_post_at - ${TOLERANCE} AS next_slot, t.blocks AS template_blocks,
           jsonb_build_object('ciphertext', i.bot_token_ciphertext, 'keyId', i.token_key_id, 'expiresAt', i.token_expires_at,
             'uninstalled', w.uninstalled_at IS NOT NULL OR i.workspace_id IS NULL) AS token
    FROM new_deliveries n
    JOIN intake_booked b ON b.workspace_id = n.workspace_id AND b.channel_id = n.channel_id
    LEFT JOIN templates t ON t.id = n.template_id AND t.workspace_id = n.workspace_id
    LEFT JOIN installations i ON i.workspace_id = n.workspace_id
    JOIN workspaces w ON w.id = n.workspace_id
    WHERE n.leased
  ), refreshed AS (
    UPDATE deliveries SET dirty = true, next_attempt_at = LEAST(next_attempt_at, ${p.now}), updated_at = ${p.now}
    WHERE alert_id IN (SELECT id FROM ${p.upserted} WHERE NOT inserted) AND state = 'sent'
    RETURNING 1
  )`;
}

/** INTAKE_LEASED_COLUMN is, for a row `u` of the upserted alerts, its posts that the statement leased (JSON). */
export const INTAKE_LEASED_COLUMN = `(SELECT jsonb_agg(jsonb_build_object('id', l.id, 'channelId', l.channel_id, 'groupKey', l.group_key, 'nextSlot', l.next_slot,
    'templateBlocks', l.template_blocks, 'token', l.token)) FROM leased l WHERE l.alert_id = u.id) AS leased`;

/** IntakeLeased is one post the intake statement leased, as INTAKE_LEASED_COLUMN gives it. */
export interface IntakeLeased {
  id: string;
  channelId: string;
  groupKey: string | null;
  nextSlot: string;
  templateBlocks: unknown;
  token: ClaimedPost['token'];
}

/** NewAlert is a just-opened alert as the intake has it in memory (its stored row, without a read back). */
export type NewAlert = Pick<MessageSource['alert'], 'id' | 'eventType' | 'severity' | 'title' | 'description' | 'source' | 'fields' | 'links' | 'occurredAt' | 'onCallUserId' | 'escalates'> & {
  workspaceId: string;
};

/**
 * intakeLeasedPosts turns an alert's leased posts into the claimed posts a worker runs; `leaseEndsAt` is the
 * statement's start plus its lease, on performance.now()'s clock.
 */
export function intakeLeasedPosts(alert: NewAlert, leased: readonly IntakeLeased[], acceptedAt: Date, leaseEndsAt: number): ClaimedPost[] {
  const { workspaceId, ...fields } = alert;
  return leased.map((post) =>
    withDates({
      id: post.id,
      workspaceId,
      alertId: alert.id,
      channelId: post.channelId,
      attempts: 1,
      lastError: null,
      messageTs: null,
      groupKey: post.groupKey,
      createdAt: acceptedAt,
      alert: {
        ...fields,
        occurrences: 1,
        status: 'triggered',
        lastSeenAt: acceptedAt,
        acknowledgedBy: null,
        resolvedBy: null,
        snoozedUntil: null,
        updatedAt: acceptedAt,
      },
      templateBlocks: post.templateBlocks,
      token: post.token,
      previousAttemptAt: null,
      nextSlot: utcDate(post.nextSlot) as Date,
      leaseEndsAt,
    }),
  );
}

/** releasePosts gives back leased posts that no worker took, so that the next claim finds them. */
export async function releasePosts(ids: readonly string[]): Promise<void> {
  await sql(`UPDATE deliveries SET locked_until = NULL, post_started_at = NULL, attempts = attempts - 1 WHERE id = ANY($1::text[]) AND state = 'pending'`, [ids]);
}

/**
 * queueAlertPosts queues the posts of an alert that was stored without them (a silence held it back), one per
 * channel, most severe first in each channel's queue like intake's; a post that exists already is kept.
 */
export async function queueAlertPosts(
  tx: Tx,
  alert: { id: string; workspaceId: string; severity: Severity },
  deliveries: ReadonlyArray<{ channelId: string; templateId: string | null; groupKey: string | null }>,
): Promise<PostChannel[]> {
  if (deliveries.length === 0) return [];
  const priority = (['critical', 'error', 'warning', 'info'] as const).indexOf(alert.severity);
  await tx.$executeRaw`
    INSERT INTO deliveries (id, workspace_id, alert_id, channel_id, template_id, group_key, state, priority, attempts, next_attempt_at, dirty, created_at, updated_at)
    SELECT ${alert.id} || '_' || d.ord, ${alert.workspaceId}, ${alert.id}, d.channel_id, d.template_id, d.group_key, 'pending', ${priority}, 0, now(), false, now(), now()
    FROM unnest(${deliveries.map((d) => d.channelId)}::text[], ${deliveries.map((d) => d.templateId)}::text[], ${deliveries.map((d) => d.groupKey)}::text[])
      WITH ORDINALITY AS d(channel_id, template_id, group_key, ord)
    ON CONFLICT (id) DO NOTHING`;
  return deliveries.map((delivery) => ({ workspaceId: alert.workspaceId, channelId: delivery.channelId }));
}

/**
 * refreshAlertMessages marks every posted message of an alert for a chat.update, and the messages of the groups
 * it is a member of; returns the live deliveries.
 */
export async function refreshAlertMessages(tx: Tx, alertId: string): Promise<string[]> {
  await tx.$executeRaw`UPDATE deliveries SET dirty = true, next_attempt_at = now(), updated_at = now() WHERE alert_id = ${alertId} AND state = 'sent'`;
  await markGroupsChanged(tx, alertId);
  // A folded or grouped post has no message of its own (its digest or group lists it): no thread to reply in.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM deliveries WHERE alert_id = ${alertId} AND state NOT IN ('dead', 'folded', 'grouped')`;
  return rows.map((row) => row.id);
}

/** stopWorkspaceDeliveries fails a workspace's unsent posts visibly (after an uninstall), keeping the history. */
export async function stopWorkspaceDeliveries(tx: Tx, workspaceId: string, reason: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE deliveries SET state = 'dead', last_error = ${reason}, locked_until = NULL, updated_at = now()
    WHERE workspace_id = ${workspaceId} AND state IN ('pending', 'failed')`;
}

/** deliveryQueueStats counts queued posts and due message updates, and the age of the oldest queued post. */
export async function deliveryQueueStats(): Promise<{ post: number; update: number; oldestPostSeconds: number }> {
  const { rows } = await sql<{ post: number; update: number; oldest: number | null }>(
    `SELECT (SELECT count(*) FROM deliveries WHERE state IN ('pending', 'failed'))::int AS post,
            (SELECT count(*) FROM deliveries WHERE dirty AND next_attempt_at <= now())::int AS update,
            (SELECT extract(epoch FROM now() - min(created_at)) FROM deliveries WHERE state IN ('pending', 'failed') AND next_attempt_at <= now())::float8 AS oldest`,
  );
  return { post: rows[0]!.post, update: rows[0]!.update, oldestPostSeconds: Math.max(0, rows[0]!.oldest ?? 0) };
}
