// Resolves an alert its route auto-resolves, when no occurrence came since this job's (the timeline says why).
import { z } from 'zod';
import { applyStatusChange } from '../../alerts/lifecycle';
import { AUTO_RESOLVE_JOB } from '../../alerts/timed-rules';
import type { JobHandler } from '../jobs';

export const autoResolve: JobHandler<{ occurrences: number; minutes: number }> = {
  kind: AUTO_RESOLVE_JOB,
  payload: z.object({ occurrences: z.int().min(1), minutes: z.int().min(1) }),
  async run(job, tx) {
    if (!job.alertId || !job.workspaceId) return [];
    const alert = await tx.alert.findUnique({ where: { id: job.alertId }, select: { occurrences: true, status: true } });
    // A later occurrence has its own job; a resolved alert has nothing to resolve.
    if (!alert || alert.status === 'resolved' || alert.occurrences !== job.payload.occurrences) return [];
    const change = await applyStatusChange(tx, {
      workspaceId: job.workspaceId,
      alertId: job.alertId,
      action: 'resolve',
      actor: { type: 'system', id: null, name: 'Klaxon' },
      via: 'system',
      note: `no occurrence for ${job.payload.minutes} minutes`,
    });
    return change.changed ? ['update', 'reply', 'job'] : [];
  },
};
