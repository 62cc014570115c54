// Sends claimed deliveries to Slack: a post (its channel's slot already booked by the claim; an attempt that
// died mid-call is completed, never repeated), or an update of a posted message. Failures are sorted once by
// classifySlackError: rate limits wait as Slack asks, transient errors back off, permanent ones are dead.
//
// A post call whose outcome is unknown (no answer in time, a network error, a 5xx) may still be carried out by
// Slack after the caller gave up on it: its message is looked for only once that can no longer happen, at least
// lateCarryOutMs after the call began. Seen in the scale run's rolling restart: with the emulator slow, calls timed
// out at 10 s and were carried out seconds later, after the retry one second on had looked, found nothing and
// posted again (673 of 4,000 alerts twice). The claimed post's lease covers the same span, so a worker that dies
// mid-call is not taken over sooner.
import type { WebClient } from '@slack/web-api';
import { isDatabaseError, isDatabaseUnavailable } from '../database-unavailable';
import { log } from '../log';
import { metrics } from '../metrics';
import { botTokenOf, WorkspaceUninstalledError } from '../slack/bot-token';
import { slackClient } from '../slack/client';
import { UNINSTALLED_REASON } from '../slack/uninstall';
import {
  markDead,
  recordPosted,
  recordUpdated,
  renewPostLease,
  retryPost,
  retryUpdate,
  type ClaimedPost,
  type MessageSource,
} from '../outbox/deliveries';
import { foldIntoDigest } from '../outbox/digests';
import { renderDeliveryMessage } from './alert-message';
import { sendDigest } from './deliver-digest';
import { sendToGroup } from './deliver-group';
import { classifySlackError, nextBackoffMs, type SlackErrorClass } from './classify-slack-error';
import { observePostStage } from './post-stages';
import { findPostedMessage, joinChannel, postAlertMessage, updateAlertMessage } from './slack-messages';

/** MAX_ATTEMPTS bounds retries of one post (about a day with backoff capped at 5 minutes). */
export const MAX_ATTEMPTS = 300;
const JOINED_MARKER = 'not_in_channel: joined, retrying';
const RECONCILE_WINDOW_MS = 60_000;

/** PostTiming is how long a claimed post is its worker's, and how long Slack may carry out a call after it began. */
export interface PostTiming {
  leaseMs: number;
  lateCarryOutMs: number;
}

// What a post call may take beyond lateCarryOutMs: Slack's answer (the client gives up at 10 s, within the span)
// and recording it.
const RECORD_MARGIN_MS = 5_000;

/**
 * POST_TIMING is production's: a late carry-out lands within 30 s of the call (Slack's calls answer in well under a
 * second, and the client gives up at 10 s); a post's lease is that, the margin, and 10 s for the work before the
 * call (token, storm check, look-back), renewed when that took longer. A killed worker's posts come back after it.
 */
export const POST_TIMING: PostTiming = { leaseMs: 45_000, lateCarryOutMs: 30_000 };

/** LeaseLost says another worker may hold the post now: this attempt stops before posting and records nothing. */
class LeaseLost extends Error {}

function verdictOf(error: unknown): SlackErrorClass {
  if (error instanceof WorkspaceUninstalledError) return { kind: 'permanent', reason: UNINSTALLED_REASON };
  // The database failed, not Slack: the delivery tries again, as after a 5xx. Taken for a Slack error it was dead
  // (seen: posts lost to "sorry, too many clients already" in the scale run, and to a storm fold's transaction that
  // outlasted Prisma's 5 s limit in the storm bench).
  if (isDatabaseUnavailable(error)) return { kind: 'retryable', reason: 'database unavailable' };
  if (isDatabaseError(error)) return { kind: 'retryable', reason: `database error: ${error.message}` };
  return classifySlackError(error);
}

async function clientFor(source: MessageSource): Promise<WebClient> {
  return slackClient(await botTokenOf(source.workspaceId, source.token));
}

/**
 * Attempt tracks what one attempt knows of the earlier ones: `unaccounted` while an earlier attempt may have
 * posted and its message has not been looked for yet; and of itself: `postStartedAt` (ms) while its post call is
 * under way or ended without an answer, when Slack may still carry it out.
 */
interface Attempt {
  unaccounted: boolean;
  postStartedAt: number | null;
}

async function postFailed(post: ClaimedPost, error: unknown, client: WebClient | null, attempt: Attempt, timing: PostTiming): Promise<void> {
  const verdict = verdictOf(error);
  const count = (outcome: string) => metrics().deliveries.inc({ kind: 'post', outcome });
  // A refused call proves that this attempt posted nothing, but not an earlier one whose message was still to be
  // looked for (the lookup itself was refused): then the next attempt looks again (seen: posted twice when a
  // lost answer was followed by a 429 on conversations.history).
  const notSent = !attempt.unaccounted;
  switch (verdict.kind) {
    case 'rate_limited':
      count('rate_limited');
      // A 429 means Slack did not take the call: nothing more to this channel until then.
      return retryPost(post, { at: new Date(Date.now() + verdict.retryAfterMs), lastError: 'rate limited by Slack', notSent, holdChannel: true });
    case 'not_in_channel':
      if (client && post.lastError !== JOINED_MARKER) {
        try {
          await joinChannel(client, post.channelId);
          count('retried');
          return retryPost(post, { at: new Date(), lastError: JOINED_MARKER, notSent });
        } catch (joinError) {
          const joinVerdict = classifySlackError(joinError);
          count('dead');
          return markDead(post, `not_in_channel (invite the bot: ${joinVerdict.kind === 'permanent' ? joinVerdict.reason : 'could not join'})`);
        }
      }
      count('dead');
      return markDead(post, 'not_in_channel');
    case 'retryable': {
      if (post.attempts >= MAX_ATTEMPTS) {
        count('dead');
        return markDead(post, `gave up after ${post.attempts} attempts: ${verdict.reason}`);
      }
      count('retried');
      // Not looked for before Slack could have carried out this attempt's call, if it made one (see the file's head).
      const lookable = attempt.postStartedAt === null ? 0 : attempt.postStartedAt + timing.lateCarryOutMs;
      return retryPost(post, { at: new Date(Math.max(Date.now() + nextBackoffMs(post.attempts), lookable)), state: 'failed', lastError: verdict.reason });
    }
    case 'permanent':
      count('dead');
      return markDead(post, verdict.reason);
  }
}

// The lease must outlast a late carry-out of the call about to begin: renewed if the work so far used too much of it.
async function keepLease(post: ClaimedPost, timing: PostTiming): Promise<void> {
  const needed = timing.lateCarryOutMs + RECORD_MARGIN_MS;
  if (performance.now() + needed <= post.leaseEndsAt) return;
  const renewing = performance.now();
  if (!(await renewPostLease(post, needed))) throw new LeaseLost(`the lease of ${post.id} ended before its post`);
  post.leaseEndsAt = renewing + needed;
}

async function send(post: ClaimedPost, client: WebClient, preparing: number, attempt: Attempt, timing: PostTiming): Promise<void> {
  if (post.previousAttemptAt) {
    const since = new Date(post.previousAttemptAt.getTime() - RECONCILE_WINDOW_MS);
    const ts = await findPostedMessage(client, post.channelId, post.id, since);
    // The earlier attempt did post. Record it as rendered at the epoch, so it is refreshed by an update.
    if (ts) return recordPosted(post, ts, new Date(0));
    attempt.unaccounted = false;
  }
  const message = renderDeliveryMessage(post);
  await keepLease(post, timing);
  const sending = performance.now();
  attempt.postStartedAt = Date.now();
  const ts = await postAlertMessage(client, post.channelId, post.id, message);
  attempt.postStartedAt = null;
  const sent = performance.now();
  metrics().deliveryLatency.observe((Date.now() - post.createdAt.getTime()) / 1000);
  metrics().deliveries.inc({ kind: 'post', outcome: 'sent' });
  await recordPosted(post, ts, message.renderedAt);
  if (post.attempts === 1) {
    observePostStage('prepare', sending - preparing);
    observePostStage('slack', sent - sending);
    observePostStage('record', performance.now() - sent);
  }
}

/** deliverPost sends one claimed post, or records why not and when to try again; it never throws. */
export async function deliverPost(post: ClaimedPost, timing: PostTiming = POST_TIMING): Promise<void> {
  let client: WebClient | null = null;
  const attempt: Attempt = { unaccounted: post.previousAttemptAt !== null, postStartedAt: null };
  try {
    const preparing = performance.now();
    client = await clientFor(post);
    // A member of an alert group is shown in the group's one message, never posted on its own.
    if (post.groupKey) return await sendToGroup({ ...post, groupKey: post.groupKey }, client);
    // In a storm the post (and the rest of its channel's queue) folds into the channel's digest, which then
    // uses this post's slot. A post that may have gone out already is completed as usual instead.
    const digest = post.previousAttemptAt ? null : await foldIntoDigest(post);
    if (digest) return await sendDigest(digest, client);
    await send(post, client, preparing, attempt, timing);
  } catch (error) {
    if (error instanceof LeaseLost) return log().warn({ delivery: post.id }, 'A post outlasted its lease; left to the worker that holds it now');
    await postFailed(post, error, client, attempt, timing).catch((recordError: unknown) =>
      log().error({ err: recordError, delivery: post.id }, 'Could not record the outcome of a post'),
    );
  }
}

/** deliverUpdate brings one posted message up to date with its alert; it never throws. */
export async function deliverUpdate(update: MessageSource): Promise<void> {
  try {
    const client = await clientFor(update);
    const message = renderDeliveryMessage(update);
    await updateAlertMessage(client, update.channelId, update.messageTs!, message);
    metrics().deliveries.inc({ kind: 'update', outcome: 'sent' });
    await recordUpdated(update, message.renderedAt);
  } catch (error) {
    const verdict = verdictOf(error);
    const record =
      verdict.kind === 'rate_limited' || verdict.kind === 'retryable'
        ? retryUpdate(update, new Date(Date.now() + (verdict.kind === 'rate_limited' ? verdict.retryAfterMs : nextBackoffMs(update.attempts || 1))), verdict.kind === 'rate_limited' ? 'rate limited by Slack' : verdict.reason)
        : recordUpdated(update, new Date(0), `update failed: ${verdict.kind === 'permanent' ? verdict.reason : 'not_in_channel'}`);
    metrics().deliveries.inc({ kind: 'update', outcome: verdict.kind === 'rate_limited' ? 'rate_limited' : verdict.kind === 'retryable' ? 'retried' : 'dead' });
    await record.catch((recordError: unknown) => log().error({ err: recordError, delivery: update.id }, 'Could not record the outcome of a message update'));
  }
}
