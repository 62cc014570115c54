// The Slack side of alert groups: the post that opens a group posts the group's message in the slot its claim
// booked; later members and status changes update it in place through the outbox's message updates (the update
// kind claims dirty groups), at most every GROUP_REFRESH_MS. A post of the message that a dying worker may have
// made is looked for first, by the group id in its metadata, so a group never gets two messages.
import type { WebClient } from '@slack/web-api';
import { renderGroupBlocks } from '../blocks/group-blocks';
import { env } from '../env';
import { log } from '../log';
import { metrics } from '../metrics';
import { joinGroup, readGroup, recordGroupSent, retryGroup, type ClaimedGroup } from '../outbox/groups';
import { signalWork } from '../outbox/signal';
import { botTokenFor } from '../slack/bot-token';
import { slackClient } from '../slack/client';
import { classifySlackError, nextBackoffMs } from './classify-slack-error';
import { findPostedMessage, joinChannel, postAlertMessage, updateAlertMessage } from './slack-messages';

const RECONCILE_WINDOW_MS = 60_000;
const JOINED_MARKER = 'not_in_channel: joined, retrying';
// About an hour of retries with backoff capped at 5 minutes; a member's change starts them again.
const MAX_GROUP_ATTEMPTS = 20;

/** groupListUrl is the dashboard's alert list filtered to a group's members. */
export function groupListUrl(group: { id: string; workspaceId: string }): string {
  return `${env().appUrl}/w/${group.workspaceId}/alerts?group=${encodeURIComponent(group.id)}`;
}

/**
 * deliverGroup posts a group's message (when it has none yet) or brings it up to date, or records why not and
 * when to try again; it never throws.
 */
export async function deliverGroup(group: ClaimedGroup, client?: WebClient): Promise<void> {
  let slack = client;
  try {
    slack ??= slackClient(await botTokenFor(group.workspaceId));
    const view = await readGroup(group);
    const message = renderGroupBlocks(view, groupListUrl(view));
    let ts = group.messageTs;
    if (ts) {
      await updateAlertMessage(slack, group.channelId, ts, message);
      metrics().deliveries.inc({ kind: 'update', outcome: 'sent' });
    } else {
      if (group.previousAttemptAt) ts = await findPostedMessage(slack, group.channelId, group.groupId, new Date(group.previousAttemptAt.getTime() - RECONCILE_WINDOW_MS));
      if (!ts) {
        ts = await postAlertMessage(slack, group.channelId, group.groupId, message);
        metrics().deliveries.inc({ kind: 'post', outcome: 'sent' });
      }
    }
    await recordGroupSent(group, ts, view.readAt);
  } catch (error) {
    const verdict = classifySlackError(error);
    // A public channel the bot is not in yet: join it and try again at once, as alert posts do.
    if (verdict.kind === 'not_in_channel' && slack && group.lastError !== JOINED_MARKER) {
      const joined = await joinChannel(slack, group.channelId).then(() => true, () => false);
      if (joined) {
        return retryGroup(group, new Date(), JOINED_MARKER, true).catch((recordError: unknown) =>
          log().error({ err: recordError, group: group.groupId }, 'Could not record the outcome of a group message'),
        );
      }
    }
    const kind = group.messageTs ? 'update' : 'post';
    const giveUp = verdict.kind === 'permanent' || verdict.kind === 'not_in_channel' || group.attempts >= MAX_GROUP_ATTEMPTS;
    metrics().deliveries.inc({ kind, outcome: verdict.kind === 'rate_limited' ? 'rate_limited' : giveUp ? 'dead' : 'retried' });
    const reason = verdict.kind === 'rate_limited' ? 'rate limited by Slack' : verdict.kind === 'permanent' || verdict.kind === 'retryable' ? verdict.reason : 'not_in_channel';
    const at = verdict.kind === 'rate_limited' ? new Date(Date.now() + verdict.retryAfterMs) : giveUp ? null : new Date(Date.now() + nextBackoffMs(group.attempts));
    await retryGroup(group, at, reason, verdict.kind === 'rate_limited').catch((recordError: unknown) =>
      log().error({ err: recordError, group: group.groupId }, 'Could not record the outcome of a group message'),
    );
  }
}

/** sendToGroup puts a claimed post into its group: the post that opens the group posts its message now, in its slot. */
export async function sendToGroup(post: { id: string; workspaceId: string; channelId: string; groupKey: string }, client: WebClient): Promise<void> {
  const opened = await joinGroup(post);
  if (opened) return deliverGroup(opened, client);
  signalWork('update');
}
