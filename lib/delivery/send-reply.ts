// Posts one claimed thread reply ("Acknowledged by @ada") under its alert message, or adds its reaction.
import { log } from '../log';
import { metrics } from '../metrics';
import { recordReplySent, retryReply, type ClaimedReply } from '../outbox/replies';
import { botTokenFor, WorkspaceUninstalledError } from '../slack/bot-token';
import { slackClient } from '../slack/client';
import { UNINSTALLED_REASON } from '../slack/uninstall';
import { classifySlackError, nextBackoffMs } from './classify-slack-error';
import { addReaction, messagePermalink, PERMALINK_PLACEHOLDER, postThreadReply } from './slack-messages';

const MAX_REPLY_ATTEMPTS = 20;

/** sendReply posts a thread reply, or schedules its retry, or gives it up with the reason; it never throws. */
export async function sendReply(reply: ClaimedReply): Promise<void> {
  try {
    const client = slackClient(await botTokenFor(reply.workspaceId));
    if (reply.reaction) await addReaction(client, reply.channelId, reply.threadTs, reply.reaction);
    else {
      // A reply may link to its message: the permalink is Slack's to give (chat.getPermalink).
      const text = reply.text.includes(PERMALINK_PLACEHOLDER)
        ? reply.text.replaceAll(PERMALINK_PLACEHOLDER, await messagePermalink(client, reply.channelId, reply.threadTs))
        : reply.text;
      await postThreadReply(client, reply.channelId, reply.threadTs, text);
    }
    metrics().deliveries.inc({ kind: 'reply', outcome: 'sent' });
    await recordReplySent(reply);
  } catch (error) {
    const verdict = error instanceof WorkspaceUninstalledError ? ({ kind: 'permanent', reason: UNINSTALLED_REASON } as const) : classifySlackError(error);
    const attempts = reply.attempts + 1;
    const giveUp = verdict.kind === 'permanent' || verdict.kind === 'not_in_channel' || attempts >= MAX_REPLY_ATTEMPTS;
    const wait = verdict.kind === 'rate_limited' ? verdict.retryAfterMs : nextBackoffMs(attempts);
    metrics().deliveries.inc({ kind: 'reply', outcome: giveUp ? 'dead' : verdict.kind === 'rate_limited' ? 'rate_limited' : 'retried' });
    await retryReply(reply, { at: new Date(Date.now() + wait), reason: 'reason' in verdict ? verdict.reason : verdict.kind, giveUp }).catch(
      (recordError: unknown) => log().error({ err: recordError, reply: reply.id }, 'Could not record the outcome of a thread reply'),
    );
  }
}
