// Posts one claimed thread reply ("Acknowledged by @ada") under its alert message.
import { botTokenFor, WorkspaceUninstalledError } from '../slack/bot-token';
import { slackClient } from '../slack/client';
import { UNINSTALLED_REASON } from '../slack/uninstall';
import { db } from '../db';
import { classifySlackError, nextBackoffMs } from './classify-slack-error';
import type { ClaimedReply } from './delivery-queue';
import { postThreadReply } from './slack-messages';

const MAX_REPLY_ATTEMPTS = 20;

/** sendReply posts a thread reply, or schedules its retry, or gives it up with the reason; it never throws. */
export async function sendReply(reply: ClaimedReply): Promise<void> {
  try {
    await postThreadReply(slackClient(await botTokenFor(reply.workspaceId)), reply.channelId, reply.threadTs, reply.text);
    await db().threadReply.update({ where: { id: reply.id }, data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
  } catch (error) {
    const verdict = error instanceof WorkspaceUninstalledError ? ({ kind: 'permanent', reason: UNINSTALLED_REASON } as const) : classifySlackError(error);
    const attempts = reply.attempts + 1;
    const giveUp = verdict.kind === 'permanent' || verdict.kind === 'not_in_channel' || attempts >= MAX_REPLY_ATTEMPTS;
    const wait = verdict.kind === 'rate_limited' ? verdict.retryAfterMs : nextBackoffMs(attempts);
    const reason = 'reason' in verdict ? verdict.reason : verdict.kind;
    await db()
      .threadReply.update({
        where: { id: reply.id },
        data: { attempts, lastError: reason, dead: giveUp, nextAttemptAt: new Date(Date.now() + wait) },
      })
      .catch((recordError: unknown) => console.error(`Could not record the outcome of reply ${reply.id}:`, recordError));
  }
}
