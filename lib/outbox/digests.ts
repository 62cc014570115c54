// Storm digests: when more posts than a channel's storm limit went to it in the last minute, the worker folds
// the channel's queued posts (and every later one, while the storm lasts) into one digest message per channel,
// updated in place, instead of posting them one per second for hours. Only this module reads or writes the
// digests table and the folded state of deliveries.
//
// Folding happens where posts are claimed, never at intake: the intake statement is unchanged, and one fold
// is one statement per channel slot (about one a second), however many alerts it folds. A storm ends when
// nothing was folded for QUIET_MS; its message then says so, and the next storm gets a new one.
import { db, sql } from '../db';
import { processWide } from '../process-wide';
import type { Severity } from '../generated/prisma/client';
import type { Tx } from './deliveries';

/** DEFAULT_STORM_LIMIT is the posts per minute to one channel above which alerts fold (a route's default). */
export const DEFAULT_STORM_LIMIT = 10;
/** QUIET_MS is how long a channel must fold nothing for its storm to end. */
export const QUIET_MS = 60_000;
/** REFRESH_MS is how often at most a digest message is updated (chat.update is Tier 3 per workspace). */
export const REFRESH_MS = 5_000;

/** OpenDigest is a channel's current digest as the fold left it. */
export interface OpenDigest {
  id: string;
  workspaceId: string;
  channelId: string;
  messageTs: string | null;
  /** How many posts this fold added. */
  added: number;
}

/**
 * foldIntoDigest folds a claimed post (one never tried before: the caller checks), and every other post queued on
 * its channel that no worker holds and no earlier attempt may have posted, into the channel's open digest —
 * opening one when the channel got more posts than its limit in the last minute. Null when the channel is not
 * in a storm: the post goes as usual.
 */
export async function foldIntoDigest(post: { id: string; workspaceId: string; channelId: string }, now = new Date()): Promise<OpenDigest | null> {
  // The usual case — no storm — costs one read, without a transaction.
  if (!(await mayFold(post.workspaceId, post.channelId, now))) return null;
  return db().$transaction(async (tx) => {
    // One fold per channel at a time: a second worker's fold waits and then finds the digest open.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`digest:${post.workspaceId}:${post.channelId}`}))`;
    let [digest] = await tx.$queryRaw<Array<{ id: string; message_ts: string | null }>>`
      SELECT id, message_ts FROM digests WHERE workspace_id = ${post.workspaceId} AND channel_id = ${post.channelId} AND ended_at IS NULL LIMIT 1`;
    if (!digest) {
      if (!(await isStorming(tx, post.workspaceId, post.channelId, now))) return null;
      [digest] = await tx.$queryRaw<Array<{ id: string; message_ts: string | null }>>`
        INSERT INTO digests (id, workspace_id, channel_id, started_at, last_folded_at, updated_at)
        VALUES (${`dig_${post.id}`}, ${post.workspaceId}, ${post.channelId}, ${now}, ${now}, ${now}) RETURNING id, message_ts`;
    }
    // Not a post whose earlier attempt may be in Slack already (post_started_at kept: an answer lost, a worker that
    // died mid-call): folded, it would be in the digest and in the channel. It stays queued, to be looked for and
    // completed as usual when its turn comes.
    const added = await tx.$executeRaw`
      UPDATE deliveries SET state = 'folded', digest_id = ${digest!.id}, locked_until = NULL, post_started_at = NULL, updated_at = now()
      WHERE workspace_id = ${post.workspaceId} AND channel_id = ${post.channelId} AND state IN ('pending', 'failed')
        AND (id = ${post.id} OR (post_started_at IS NULL AND (locked_until IS NULL OR locked_until < now())))`;
    await tx.$executeRaw`UPDATE digests SET folded = folded + ${added}, last_folded_at = ${now}, updated_at = ${now} WHERE id = ${digest!.id}`;
    return { id: digest!.id, workspaceId: post.workspaceId, channelId: post.channelId, messageTs: digest!.message_ts, added };
  });
}

const STORM_CHECK_SQL = `
  SELECT EXISTS (SELECT 1 FROM digests WHERE workspace_id = $1 AND channel_id = $2 AND ended_at IS NULL) AS open,
         (SELECT min(storm_limit)::int FROM routes WHERE workspace_id = $1 AND enabled AND $2 = ANY(channel_ids)) AS "limit",
         (SELECT count(*)::int FROM (
            SELECT 1 FROM deliveries WHERE workspace_id = $1 AND channel_id = $2 AND state = 'sent' AND sent_at > $3 LIMIT 1000) r) AS recent`;

// Pacing (a GCRA of one post per second with a burst of 2, shared by every worker) lets a channel take at most
// t + 2 posts in t seconds. A channel found with no open digest and `recent` posts short of its limit cannot start
// a storm for the next limit − recent − 3 seconds, so this process skips the check's read until then (measured:
// the read was 0.8 ms of every post's 4 ms, end to end). A limit of 0 is read again every RECHECK_MS, so route
// edits apply within seconds.
const RECHECK_MS = 10_000;
const calmUntil = processWide('digests:calmUntil', () => new Map<string, number>());

async function mayFold(workspaceId: string, channelId: string, now: Date): Promise<boolean> {
  const key = `${workspaceId}\u0000${channelId}`;
  if ((calmUntil.get(key) ?? 0) > now.getTime()) return false;
  const { rows } = await sql<{ open: boolean; limit: number | null; recent: number }>(STORM_CHECK_SQL, [workspaceId, channelId, new Date(now.getTime() - 60_000)]);
  const row = rows[0]!;
  const max = row.limit ?? DEFAULT_STORM_LIMIT;
  // A limit of 0 means never: not even into a digest a storm opened before the limit was set.
  if (max <= 0) {
    calmUntil.set(key, now.getTime() + RECHECK_MS);
    return false;
  }
  if (row.open || row.recent >= max) {
    calmUntil.delete(key);
    return true;
  }
  const calmMs = Math.min((max - row.recent - 3) * 1000, RECHECK_MS);
  if (calmMs > 0) calmUntil.set(key, now.getTime() + calmMs);
  else calmUntil.delete(key);
  return false;
}

// More posts than the channel's limit in the last minute (checked again under the channel's lock). The limit is the lowest of the enabled routes that
// post there (0 on any: that channel never folds).
async function isStorming(tx: Tx, workspaceId: string, channelId: string, now: Date): Promise<boolean> {
  const [limit] = await tx.$queryRaw<Array<{ limit: number | null }>>`
    SELECT min(storm_limit)::int AS limit FROM routes WHERE workspace_id = ${workspaceId} AND enabled AND ${channelId} = ANY(channel_ids)`;
  const max = limit?.limit ?? DEFAULT_STORM_LIMIT;
  if (max <= 0) return false;
  const [recent] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM deliveries WHERE workspace_id = ${workspaceId} AND channel_id = ${channelId} AND state = 'sent'
        AND sent_at > ${new Date(now.getTime() - 60_000)} LIMIT ${max}) r`;
  return (recent?.n ?? 0) >= max;
}

/** DigestView is what a digest message shows. */
export interface DigestView {
  id: string;
  workspaceId: string;
  channelId: string;
  folded: number;
  startedAt: Date;
  lastFoldedAt: Date;
  endedAt: Date | null;
  messageTs: string | null;
  bySeverity: Partial<Record<Severity, number>>;
  /** The most frequent event-type prefixes (up to the first dot), most first. */
  prefixes: Array<{ prefix: string; count: number }>;
  newest: Array<{ id: string; title: string; severity: Severity; eventType: string; status: string }>;
}

/** digestView reads a digest with its counts from the folded deliveries themselves (so they always add up). */
export async function digestView(tx: Tx, digestId: string): Promise<DigestView | null> {
  const [digest] = await tx.$queryRaw<Array<Omit<DigestView, 'bySeverity' | 'prefixes' | 'newest'>>>`
    SELECT id, workspace_id AS "workspaceId", channel_id AS "channelId", started_at AS "startedAt", last_folded_at AS "lastFoldedAt",
           ended_at AS "endedAt", message_ts AS "messageTs", (SELECT count(*)::int FROM deliveries WHERE digest_id = ${digestId}) AS folded
    FROM digests WHERE id = ${digestId}`;
  if (!digest) return null;
  const severities = await tx.$queryRaw<Array<{ severity: Severity; n: number }>>`
    SELECT a.severity, count(*)::int AS n FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.digest_id = ${digestId} GROUP BY a.severity`;
  const prefixes = await tx.$queryRaw<Array<{ prefix: string; count: number }>>`
    SELECT split_part(a.event_type, '.', 1) AS prefix, count(*)::int AS count FROM deliveries d JOIN alerts a ON a.id = d.alert_id
    WHERE d.digest_id = ${digestId} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`;
  const newest = await tx.$queryRaw<DigestView['newest']>`
    SELECT a.id, a.title, a.severity, a.event_type AS "eventType", a.status FROM deliveries d JOIN alerts a ON a.id = d.alert_id
    WHERE d.digest_id = ${digestId} ORDER BY d.created_at DESC, d.id DESC LIMIT 5`;
  return { ...digest, bySeverity: Object.fromEntries(severities.map((row) => [row.severity, row.n])), prefixes, newest };
}

/** recordDigestPosted keeps the ts of a digest's message. */
export async function recordDigestPosted(digestId: string, ts: string): Promise<void> {
  await sql('UPDATE digests SET message_ts = $2, updated_at = now() WHERE id = $1', [digestId, ts]);
}

/** endQuietDigest ends the digest if nothing was folded into it for QUIET_MS; true when it is (now) ended. */
export async function endQuietDigest(tx: Tx, digestId: string, now = new Date()): Promise<boolean> {
  const ended = await tx.$executeRaw`
    UPDATE digests SET ended_at = ${now}, updated_at = ${now} WHERE id = ${digestId} AND ended_at IS NULL AND last_folded_at <= ${new Date(now.getTime() - QUIET_MS)}`;
  if (ended === 1) return true;
  const [row] = await tx.$queryRaw<Array<{ ended: boolean }>>`SELECT ended_at IS NOT NULL AS ended FROM digests WHERE id = ${digestId}`;
  return row?.ended ?? true;
}
