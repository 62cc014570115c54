// Checks a heartbeat when its ping is due (lib/heartbeats/heartbeats.ts); a stale check does nothing.
import { z } from 'zod';
import { checkHeartbeat, HEARTBEAT_CHECK_JOB } from '../../heartbeats/heartbeats';
import type { JobHandler } from '../jobs';

export const heartbeatCheck: JobHandler<{ seq: number }> = {
  kind: HEARTBEAT_CHECK_JOB,
  payload: z.object({ seq: z.int().min(0) }),
  async run(job, tx) {
    const heartbeatId = job.key.split(':')[1];
    if (heartbeatId) await checkHeartbeat(tx, heartbeatId, job.payload.seq);
    return [];
  },
};
