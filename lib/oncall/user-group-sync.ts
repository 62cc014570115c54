// A schedule's Slack user group (optional) is kept equal to who is on call, so that `@payments-oncall` always
// reaches the right person: a timed job at each change of who is on call (hand-off, start or end of an
// override) calls usergroups.users.update, then schedules itself at the next change. An edit of the schedule
// starts a new chain at once; jobs of an older version of the schedule find themselves stale and do nothing,
// so the chains never multiply. A job that ran never runs again (its key), and one whose worker died runs
// again when its lease ends: setting the same members twice is harmless.
import { log } from '../log';
import type { Tx } from '../outbox/deliveries';
import { botTokenFor } from '../slack/bot-token';
import { slackClient } from '../slack/client';
import { classifySlackError } from '../delivery/classify-slack-error';
import { whoIsOnCall } from './on-call';
import { scheduleUserGroupSync, specOf, type UserGroupSync } from './schedules';

/**
 * syncUserGroup sets the schedule's user group to who is on call at `at` and plans the next sync at the next
 * change. Slack cannot empty a group: while nobody is on call, it keeps its members. A permanent Slack
 * failure (missing scope, unknown group, a member Slack refuses) is logged and the chain goes on, so a fixed
 * cause heals at the next hand-off; a passing one is thrown, for the job to retry.
 */
export async function syncUserGroup(tx: Tx, job: UserGroupSync, at: Date): Promise<void> {
  const schedule = await tx.schedule.findUnique({ where: { id: job.scheduleId } });
  if (!schedule?.userGroupId || schedule.updatedAt.toISOString() !== job.version) return;
  const now = whoIsOnCall(specOf(schedule), at);
  if (now.user) {
    try {
      await slackClient(await botTokenFor(schedule.workspaceId)).usergroups.users.update({ usergroup: schedule.userGroupId, users: now.user });
    } catch (error) {
      const verdict = classifySlackError(error);
      if (verdict.kind !== 'permanent') throw error;
      log().warn({ schedule: schedule.id, userGroup: schedule.userGroupId, reason: verdict.reason }, 'Could not set the on-call user group');
    }
  }
  if (now.until) await scheduleUserGroupSync(tx, schedule, now.until);
}
