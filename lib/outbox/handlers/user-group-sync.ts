// Sets an on-call schedule's Slack user group to who is on call, at each hand-off (lib/oncall/user-group-sync.ts).
import { z } from 'zod';
import { USER_GROUP_SYNC_JOB, type UserGroupSync } from '../../oncall/schedules';
import { syncUserGroup } from '../../oncall/user-group-sync';
import type { JobHandler } from '../jobs';

export const userGroupSync: JobHandler<UserGroupSync> = {
  kind: USER_GROUP_SYNC_JOB,
  payload: z.object({ scheduleId: z.string(), version: z.string() }),
  async run(job, tx) {
    // Never before its time, even when a clock runs a little behind the database's.
    await syncUserGroup(tx, job.payload, new Date(Math.max(Date.now(), job.runAt.getTime())));
    return ['job'];
  },
};
