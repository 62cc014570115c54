// What the queue gauges show (klaxon_queue_depth{kind}, klaxon_queue_oldest_due_seconds), read at scrape time.
import type { QueueStats } from '../metrics';
import { deliveryQueueStats } from './deliveries';
import { jobQueueStats } from './jobs';
import { replyQueueStats } from './replies';

/** queueStats counts the outbox's due work per kind and how long the oldest due item has waited. */
export async function queueStats(): Promise<QueueStats> {
  const [deliveries, replies, jobs] = await Promise.all([deliveryQueueStats(), replyQueueStats(), jobQueueStats()]);
  return {
    depth: { post: deliveries.post, update: deliveries.update, reply: replies.due, job: jobs.due },
    oldestDueSeconds: Math.max(deliveries.oldestPostSeconds, replies.oldestSeconds, jobs.oldestSeconds),
  };
}
