// Ends a snooze when its time comes: the alert's messages drop the "snoozed" line and each thread says so.
import { z } from 'zod';
import { endSnooze } from '../../alerts/lifecycle';
import type { JobHandler } from '../jobs';

export const snoozeExpiry: JobHandler<{ until: string }> = {
  kind: 'snooze-expiry',
  payload: z.object({ until: z.iso.datetime() }),
  async run(job, tx) {
    if (!job.alertId) return [];
    return (await endSnooze(tx, job.alertId, new Date(job.payload.until))) ? ['update', 'reply', 'job'] : [];
  },
};
