// Alert groups: a route with `group_by` gives its alerts a key per channel (lib/alerts/plan-deliveries.ts);
// alerts with the same key share one message there — a count and the members — updated in place as members
// arrive or change, until every member is resolved, when the group closes and the next alert with the key
// opens a new one. Only this module reads or writes the alert_groups table and the grouped state of deliveries.
//
// A post joins its group where the worker claims it (in its channel's paced slot), never at intake: the first
// post of a group posts the group's message in that slot, later ones only mark it for an update. Updates are
// the outbox's message updates (the update kind claims dirty groups beside dirty deliveries), at most one per
// GROUP_REFRESH_MS per group, however many members arrive.
import { db, sql } from '../db';
import type { AlertStatus, Severity } from '../generated/prisma/client';
import type { Tx } from './deliveries';

/** GROUP_REFRESH_MS is how often at most a group's message is updated (chat.update is Tier 3 per workspace). */
export const GROUP_REFRESH_MS = 3_000;
/** GROUP_LISTED is how many members, newest first, a group's message lists (the rest are counted). */
export const GROUP_LISTED = 10;
// The lease of a group its opening post holds while it posts the message (a worker's default lease).
const OPENING_LEASE_MS = 120_000;

/** ClaimedGroup is a group whose message a worker holds, to post or bring up to date. */
export interface ClaimedGroup {
  groupId: string;
  workspaceId: string;
  channelId: string;
  key: string;
  messageTs: string | null;
  attempts: number;
  lastError: string | null;
  /** An earlier post of its message was under way since then (a worker died mid-call): look for it first. */
  previousAttemptAt: Date | null;
}

const groupLock = (tx: Tx, group: { workspaceId: string; channelId: string; key: string }) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`group:${group.workspaceId}:${group.channelId}:${group.key}`}))`;

/**
 * joinGroup moves a claimed post, and every other post queued on its channel with the same key that no worker
 * holds, into the channel's open group for the key. It returns the group leased to the caller when this join
 * opened it (the caller posts its message in the post's slot), else null: the group is marked for an update.
 */
export async function joinGroup(
  post: { id: string; workspaceId: string; channelId: string; groupKey: string },
): Promise<ClaimedGroup | null> {
  const group = { workspaceId: post.workspaceId, channelId: post.channelId, key: post.groupKey };
  return db().$transaction(async (tx) => {
    // One join or close per group at a time: a member never joins a group that is closing.
    await groupLock(tx, group);
    const [open] = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE alert_groups SET dirty = true, changed_at = now(), updated_at = now()
      WHERE workspace_id = ${post.workspaceId} AND channel_id = ${post.channelId} AND key = ${post.groupKey} AND closed_at IS NULL
      RETURNING id`;
    const id = open?.id ?? `grp_${post.id}`;
    if (!open) {
      await tx.$executeRaw`
        INSERT INTO alert_groups (id, workspace_id, channel_id, key, dirty, changed_at, post_started_at, attempts, next_attempt_at, locked_until, created_at, updated_at)
        VALUES (${id}, ${post.workspaceId}, ${post.channelId}, ${post.groupKey}, true, now(), now(), 1, now(),
                now() + ${OPENING_LEASE_MS} * interval '1 millisecond', now(), now())`;
    }
    await tx.$executeRaw`
      UPDATE deliveries SET state = 'grouped', group_id = ${id}, locked_until = NULL, post_started_at = NULL, updated_at = now()
      WHERE workspace_id = ${post.workspaceId} AND channel_id = ${post.channelId} AND group_key = ${post.groupKey} AND state IN ('pending', 'failed')
        AND (id = ${post.id} OR locked_until IS NULL OR locked_until < now())`;
    return open ? null : { groupId: id, ...group, messageTs: null, attempts: 1, lastError: null, previousAttemptAt: null };
  });
}

/** markGroupsChanged marks the messages of the groups an alert is a member of for an update (its status changed). */
export async function markGroupsChanged(tx: Tx, alertId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE alert_groups SET dirty = true, changed_at = now(), updated_at = now()
    WHERE id IN (SELECT group_id FROM deliveries WHERE alert_id = ${alertId} AND group_id IS NOT NULL)`;
}

const CLAIM_GROUPS_SQL = `
  WITH h AS (
    SELECT id, message_ts, post_started_at FROM alert_groups
    WHERE dirty AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
    ORDER BY next_attempt_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
  )
  UPDATE alert_groups g SET locked_until = now() + $2 * interval '1 millisecond', attempts = g.attempts + 1,
    post_started_at = CASE WHEN g.message_ts IS NULL THEN now() ELSE NULL END
  FROM h WHERE g.id = h.id
  RETURNING g.id AS "groupId", g.workspace_id AS "workspaceId", g.channel_id AS "channelId", g.key, g.message_ts AS "messageTs",
            g.attempts, g.last_error AS "lastError", h.post_started_at AS "previousAttemptAt"`;

/** claimGroups leases up to `limit` groups whose message must be posted or updated, and is due. */
export async function claimGroups(limit: number, leaseMs: number): Promise<ClaimedGroup[]> {
  const { rows } = await sql<ClaimedGroup>(CLAIM_GROUPS_SQL, [limit, leaseMs]);
  return rows;
}

/** GroupView is what a group's message shows. */
export interface GroupView {
  id: string;
  workspaceId: string;
  key: string;
  total: number;
  byStatus: Partial<Record<AlertStatus, number>>;
  /** The most severe severity among its open members (null: none open). */
  worstOpen: Severity | null;
  newest: Array<{ id: string; title: string; severity: Severity; status: AlertStatus }>;
  /** When it was read, by the database's clock: a change after this leaves the group dirty. */
  readAt: Date;
}

/**
 * readGroup closes the group when none of its members is open (under the lock joins take, so no member joins a
 * closed group), then reads it with its counts from the members themselves.
 */
export async function readGroup(group: Pick<ClaimedGroup, 'groupId' | 'workspaceId' | 'channelId' | 'key'>): Promise<GroupView> {
  return db().$transaction(async (tx) => {
    await groupLock(tx, group);
    const [now] = await tx.$queryRaw<Array<{ at: Date }>>`SELECT now() AS at`;
    await tx.$executeRaw`
      UPDATE alert_groups SET closed_at = now(), updated_at = now() WHERE id = ${group.groupId} AND closed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.group_id = ${group.groupId} AND a.status <> 'resolved')`;
    const statuses = await tx.$queryRaw<Array<{ status: AlertStatus; n: number; worst: number | null }>>`
      SELECT a.status, count(*)::int AS n, min(array_position(ARRAY['critical', 'error', 'warning', 'info']::"Severity"[], a.severity))::int AS worst
      FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.group_id = ${group.groupId} GROUP BY a.status`;
    const newest = await tx.$queryRaw<GroupView['newest']>`
      SELECT a.id, a.title, a.severity, a.status FROM deliveries d JOIN alerts a ON a.id = d.alert_id
      WHERE d.group_id = ${group.groupId} ORDER BY a.created_at DESC, a.id DESC LIMIT ${GROUP_LISTED}`;
    const open = statuses.filter((row) => row.status !== 'resolved' && row.worst !== null).map((row) => row.worst!);
    return {
      id: group.groupId,
      workspaceId: group.workspaceId,
      key: group.key,
      total: statuses.reduce((sum, row) => sum + row.n, 0),
      byStatus: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
      worstOpen: open.length ? (['critical', 'error', 'warning', 'info'] as const)[Math.min(...open) - 1]! : null,
      newest,
      readAt: now!.at,
    };
  });
}

/** recordGroupSent keeps the message's ts; the group stays dirty if a member changed after `readAt`. */
export async function recordGroupSent(group: { groupId: string }, ts: string, readAt: Date): Promise<void> {
  await sql(
    `UPDATE alert_groups SET message_ts = $2, locked_until = NULL, post_started_at = NULL, last_error = NULL, attempts = 0,
       dirty = changed_at > $3, next_attempt_at = now() + $4 * interval '1 millisecond', updated_at = now()
     WHERE id = $1`,
    [group.groupId, ts, readAt, GROUP_REFRESH_MS],
  );
}

/**
 * retryGroup releases a group until `at` (still dirty), with the reason; `notSent` (Slack refused the call, a
 * 429) means there is no post to look for. `at` null gives up: the message stays as it is until a member changes.
 */
export async function retryGroup(group: { groupId: string }, at: Date | null, lastError: string, notSent = false): Promise<void> {
  await sql(
    `UPDATE alert_groups SET locked_until = NULL, last_error = $3, updated_at = now(), next_attempt_at = COALESCE($2, now()),
       dirty = $2::timestamptz IS NOT NULL, post_started_at = CASE WHEN $4 THEN NULL ELSE post_started_at END
     WHERE id = $1`,
    [group.groupId, at, lastError, notSent],
  );
}
