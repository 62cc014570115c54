// Hourly clean-up of what is only kept for a while: Slack event receipts (Slack retries within minutes;
// kept 7 days), expired OAuth states, expired or revoked sessions, and finished jobs after 30 days.
// Each run schedules the next, so exactly one runs per hour however many workers there are.
import { z } from 'zod';
import { scheduleJob, type JobHandler } from '../jobs';
import type { Tx } from '../deliveries';

export const RETENTION_JOB = 'retention';
const HOUR_MS = 3_600_000;
// Bounded deletes keep one run's transaction short; a backlog is worked off over the next runs.
const BATCH = 50_000;

const hourKey = (at: Date) => `${RETENTION_JOB}:${at.toISOString().slice(0, 13)}`;

/** scheduleRetention makes sure this hour's retention run exists (called when a worker starts). */
export async function scheduleRetention(tx: Tx, now = new Date()): Promise<void> {
  await scheduleJob(tx, { kind: RETENTION_JOB, key: hourKey(now), runAt: now });
}

export const retention: JobHandler<Record<string, never>> = {
  kind: RETENTION_JOB,
  payload: z.object({}).strict(),
  async run(_job, tx) {
    await tx.$executeRaw`
      DELETE FROM slack_event_receipts WHERE event_id IN (
        SELECT event_id FROM slack_event_receipts WHERE received_at < now() - interval '7 days' LIMIT ${BATCH})`;
    await tx.$executeRaw`DELETE FROM oauth_states WHERE nonce IN (SELECT nonce FROM oauth_states WHERE expires_at < now() - interval '1 hour' LIMIT ${BATCH})`;
    await tx.$executeRaw`
      DELETE FROM sessions WHERE id IN (
        SELECT id FROM sessions WHERE expires_at < now() OR revoked_at < now() - interval '1 day' LIMIT ${BATCH})`;
    await tx.$executeRaw`
      DELETE FROM jobs WHERE id IN (
        SELECT id FROM jobs WHERE state <> 'pending' AND finished_at < now() - interval '30 days' LIMIT ${BATCH})`;
    const next = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS);
    await scheduleJob(tx, { kind: RETENTION_JOB, key: hourKey(next), runAt: next });
    return [];
  },
};
