// Timed jobs: deferred work that runs at a time (snooze expiry, retention; escalation steps and reminders
// next). Only this module reads or writes the jobs table. A job's key is unique, so scheduling one step twice
// schedules it once; a worker runs a job's handler and marks it done in one transaction, so a step that ran
// never runs again, while one whose worker died (SIGKILL, restart) is run again when its lease ends.
import { timeOrderedId } from '../ids';
import type { z } from 'zod';
import { db, sql } from '../db';
import type { Tx } from './deliveries';
import type { WorkKind } from './signal';

/** JobState is where a job is in its life. */
export type JobState = 'pending' | 'done' | 'dead' | 'cancelled';

/** NewJob is a job to schedule. */
export interface NewJob {
  kind: string;
  /** Unique across all jobs: scheduling a key that exists does nothing. */
  key: string;
  runAt: Date;
  workspaceId?: string | null;
  alertId?: string | null;
  payload?: Record<string, unknown>;
}

/** ClaimedJob is a job a worker holds until `lockedUntil`. */
export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  workspaceId: string | null;
  alertId: string | null;
  runAt: Date;
  payload: unknown;
  attempts: number;
  lockedUntil: Date;
}

/** JobHandler is one kind of timed job: what its payload holds and what running it does. */
export interface JobHandler<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  /** run does the job's work inside `tx` (the job is marked done in the same transaction) and names the kinds of work it queued. */
  run(job: ClaimedJob & { payload: P }, tx: Tx): Promise<WorkKind[]>;
}

/** scheduleJob schedules a job unless its key exists; true when it was scheduled now. */
export async function scheduleJob(tx: Tx, job: NewJob): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO jobs (id, kind, key, workspace_id, alert_id, run_at, payload)
    VALUES (${`job_${timeOrderedId()}`}, ${job.kind}, ${job.key}, ${job.workspaceId ?? null}, ${job.alertId ?? null}, ${job.runAt},
            ${JSON.stringify(job.payload ?? {})}::jsonb)
    ON CONFLICT (key) DO NOTHING`;
  return inserted === 1;
}

/** cancelJobs cancels an alert's pending jobs of some kinds (e.g. its snooze expiry, once it is resolved). */
export async function cancelJobs(tx: Tx, alertId: string, kinds: string[]): Promise<number> {
  return tx.$executeRaw`
    UPDATE jobs SET state = 'cancelled', finished_at = now(), locked_until = NULL WHERE alert_id = ${alertId} AND kind = ANY(${kinds}) AND state = 'pending'`;
}

/** claimJobs leases up to `limit` due jobs for `leaseMs`. */
export async function claimJobs(limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  const { rows } = await sql<ClaimedJob>(
    `UPDATE jobs j SET locked_until = now() + $2 * interval '1 millisecond', attempts = j.attempts + 1
     WHERE j.id IN (
       SELECT id FROM jobs WHERE state = 'pending' AND run_at <= now() AND (locked_until IS NULL OR locked_until < now())
       ORDER BY run_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING j.id, j.kind, j.key, j.workspace_id AS "workspaceId", j.alert_id AS "alertId", j.run_at AS "runAt", j.payload,
               j.attempts, j.locked_until AS "lockedUntil"`,
    [limit, leaseMs],
  );
  return rows;
}

/**
 * runJobInTransaction runs `work` and marks the job done in one transaction, if the job is still this
 * worker's (pending, under the lease it claimed); false when another worker took it over after the lease.
 */
export async function runJobInTransaction<T>(job: ClaimedJob, work: (tx: Tx) => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  return db().$transaction(async (tx) => {
    const mine = await tx.$queryRaw<unknown[]>`SELECT 1 FROM jobs WHERE id = ${job.id} AND state = 'pending' AND locked_until = ${job.lockedUntil} FOR UPDATE`;
    if (mine.length !== 1) return { ran: false } as const;
    const result = await work(tx);
    await tx.$executeRaw`UPDATE jobs SET state = 'done', finished_at = now(), locked_until = NULL, last_error = NULL WHERE id = ${job.id}`;
    return { ran: true, result } as const;
  });
}

/** retryJob puts a failed job back until `at`, or ends it as dead; the reason is kept. */
export async function retryJob(job: { id: string }, at: Date | null, reason: string): Promise<void> {
  await sql(
    `UPDATE jobs SET locked_until = NULL, last_error = $3,
       state = CASE WHEN $2::timestamptz IS NULL THEN 'dead'::"JobState" ELSE state END,
       run_at = COALESCE($2::timestamptz, run_at), finished_at = CASE WHEN $2::timestamptz IS NULL THEN now() END
     WHERE id = $1`,
    [job.id, at, reason],
  );
}

/** AlertJob is a job of an alert as its timeline shows it. */
export interface AlertJob {
  kind: string;
  runAt: Date;
  state: JobState;
  attempts: number;
  lastError: string | null;
  finishedAt: Date | null;
}

/** jobsOfAlert lists the timed jobs that concern an alert of a workspace, in time order. */
export async function jobsOfAlert(workspaceId: string, alertId: string): Promise<AlertJob[]> {
  const { rows } = await sql<AlertJob>(
    `SELECT kind, run_at AS "runAt", state, attempts, last_error AS "lastError", finished_at AS "finishedAt"
     FROM jobs WHERE alert_id = $1 AND workspace_id = $2 ORDER BY run_at, created_at`,
    [alertId, workspaceId],
  );
  return rows;
}

/** jobQueueStats counts due jobs and how late the oldest is. */
export async function jobQueueStats(): Promise<{ due: number; oldestSeconds: number }> {
  const { rows } = await sql<{ due: number; oldest: number | null }>(
    `SELECT count(*)::int AS due, extract(epoch FROM now() - min(run_at))::float8 AS oldest FROM jobs WHERE state = 'pending' AND run_at <= now()`,
  );
  return { due: rows[0]!.due, oldestSeconds: Math.max(0, rows[0]!.oldest ?? 0) };
}

/** runJobsNow brings an alert's pending jobs of a kind forward to now (the Escalate button); how many it moved. */
export async function runJobsNow(tx: Tx, alertId: string, kind: string): Promise<number> {
  return tx.$executeRaw`UPDATE jobs SET run_at = now() WHERE alert_id = ${alertId} AND kind = ${kind} AND state = 'pending' AND run_at > now()`;
}

/** hasPendingJob says whether an alert has a pending job of a kind. */
export async function hasPendingJob(tx: Tx, alertId: string, kind: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM jobs WHERE alert_id = ${alertId} AND kind = ${kind} AND state = 'pending' LIMIT 1`;
  return rows.length > 0;
}

/**
 * intakeJobsSql is the jobs' part of the statement that stores a batch of alerts: a CTE named `name` that
 * schedules the jobs `source` selects — a SELECT of (kind, key, workspace_id, alert_id, run_at, payload) — in
 * the same statement (escalation's first step), unique keys as scheduleJob keeps them.
 */
export function intakeJobsSql(name: string, source: string): string {
  return `
  ${name} AS (
    INSERT INTO jobs (id, kind, key, workspace_id, alert_id, run_at, payload)
    SELECT 'job_' || gen_random_uuid(), s.kind, s.key, s.workspace_id, s.alert_id, s.run_at, s.payload FROM (${source}) AS s
    ON CONFLICT (key) DO NOTHING
    RETURNING 1
  )`;
}

/**
 * rescheduleJob moves a pending job to `runAt`, or schedules it when its key is new; false when a job with the
 * key already ran (or was cancelled): the caller then needs a new key. Heartbeat pings push their check later.
 */
export async function rescheduleJob(tx: Tx, job: NewJob): Promise<boolean> {
  const touched = await tx.$executeRaw`
    INSERT INTO jobs (id, kind, key, workspace_id, alert_id, run_at, payload)
    VALUES (${`job_${timeOrderedId()}`}, ${job.kind}, ${job.key}, ${job.workspaceId ?? null}, ${job.alertId ?? null}, ${job.runAt},
            ${JSON.stringify(job.payload ?? {})}::jsonb)
    ON CONFLICT (key) DO UPDATE SET run_at = EXCLUDED.run_at WHERE jobs.state = 'pending'`;
  return touched === 1;
}
