// Retrying dead deliveries on request (the dashboard's and the API's Retry): a delivery that gave up — a
// revoked token, a channel the bot was not in, a Slack outage past the last attempt — is queued again once
// the cause is fixed. Part of the outbox, which alone writes the deliveries table.
import { sql } from '../db';
import { signalWork } from './signal';

/** RetryTarget narrows which dead deliveries of a workspace are retried: all of them, an alert's, or one channel's of an alert. */
export interface RetryTarget {
  alertId?: string;
  channelId?: string;
}

/**
 * retryDeadDeliveries queues the workspace's dead deliveries (narrowed by `target`) again and returns how many:
 * one never posted becomes a pending post with fresh attempts (at its channel's pace, like any post); one
 * whose message was posted but could not be updated is marked for a chat.update. post_started_at is kept, so
 * a post that may have reached Slack before dying is looked for before it is posted again.
 */
export async function retryDeadDeliveries(workspaceId: string, target: RetryTarget = {}): Promise<number> {
  const { rowCount } = await sql(
    `UPDATE deliveries SET
       state = CASE WHEN message_ts IS NULL THEN 'pending'::"DeliveryState" ELSE 'sent'::"DeliveryState" END,
       dirty = message_ts IS NOT NULL, attempts = 0, next_attempt_at = now(), locked_until = NULL,
       last_error = NULL, updated_at = now()
     WHERE workspace_id = $1 AND state = 'dead'
       AND ($2::text IS NULL OR alert_id = $2) AND ($3::text IS NULL OR channel_id = $3)`,
    [workspaceId, target.alertId ?? null, target.channelId ?? null],
  );
  const retried = rowCount ?? 0;
  if (retried > 0) signalWork('post', 'update');
  return retried;
}
