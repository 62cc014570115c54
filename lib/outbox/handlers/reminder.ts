// Reminds an acknowledged alert still open (lib/alerts/timed-rules.ts); a stale reminder does nothing.
import { z } from 'zod';
import { remindAlert, REMINDER_JOB } from '../../alerts/timed-rules';
import type { JobHandler } from '../jobs';

export const reminder: JobHandler<{ acknowledgedAt: string; count: number }> = {
  kind: REMINDER_JOB,
  payload: z.object({ acknowledgedAt: z.string(), count: z.int().min(1) }),
  run: (job, tx) => (job.alertId ? remindAlert(tx, job.alertId, job.payload) : Promise.resolve([])),
};
