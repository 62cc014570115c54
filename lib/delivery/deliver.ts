// Processes one claimed delivery: post it (at the channel's pace, completing rather than repeating an
// attempt that died mid-call), or bring a posted message up to date. Failures are sorted once by
// classifySlackError: rate limits wait as Slack asks, transient errors back off, permanent ones are dead.
import type { WebClient } from '@slack/web-api';
import { botTokenFor, WorkspaceUninstalledError } from '../slack/bot-token';
import { slackClient } from '../slack/client';
import { UNINSTALLED_REASON } from '../slack/uninstall';
import { renderDeliveryMessage } from './alert-message';
import { classifySlackError, nextBackoffMs } from './classify-slack-error';
import {
  holdChannel,
  markDead,
  recordAttemptStart,
  recordPosted,
  recordUpdated,
  reserveSlot,
  retryLater,
  type ClaimedDelivery,
} from './delivery-queue';
import { findPostedMessage, joinChannel, postAlertMessage, updateAlertMessage } from './slack-messages';

/** MAX_ATTEMPTS bounds retries of one post (about a day with backoff capped at 5 minutes). */
export const MAX_ATTEMPTS = 300;
const JOINED_MARKER = 'not_in_channel: joined, retrying';
const RECONCILE_WINDOW_MS = 60_000;
const SLOT_TOLERANCE_MS = 25;

async function clientFor(workspaceId: string): Promise<WebClient> {
  return slackClient(await botTokenFor(workspaceId));
}

async function handleFailure(delivery: ClaimedDelivery, error: unknown, client: WebClient | null): Promise<void> {
  const posting = delivery.messageTs === null;
  if (error instanceof WorkspaceUninstalledError) {
    return posting ? markDead(delivery.id, UNINSTALLED_REASON) : recordUpdated(delivery.id, new Date(0), `update failed: ${UNINSTALLED_REASON}`);
  }
  const verdict = classifySlackError(error);
  const now = Date.now();
  switch (verdict.kind) {
    case 'rate_limited': {
      const until = new Date(now + verdict.retryAfterMs);
      if (posting) await holdChannel(delivery.workspaceId, delivery.channelId, until);
      // A 429 means Slack did not take the post: nothing to reconcile.
      return retryLater(delivery.id, until, { lastError: 'rate limited by Slack', clearPostStarted: true, pacedSlot: null });
    }
    case 'not_in_channel':
      if (client && posting && delivery.lastError !== JOINED_MARKER) {
        try {
          await joinChannel(client, delivery.channelId);
          return retryLater(delivery.id, new Date(), { lastError: JOINED_MARKER, clearPostStarted: true, pacedSlot: null });
        } catch (joinError) {
          const joinVerdict = classifySlackError(joinError);
          const reason = joinVerdict.kind === 'permanent' ? joinVerdict.reason : 'could not join';
          return markDead(delivery.id, `not_in_channel (invite the bot: ${reason})`);
        }
      }
      return posting ? markDead(delivery.id, 'not_in_channel') : recordUpdated(delivery.id, new Date(0), 'update failed: not_in_channel');
    case 'retryable': {
      if (posting && delivery.attempts >= MAX_ATTEMPTS) return markDead(delivery.id, `gave up after ${delivery.attempts} attempts: ${verdict.reason}`);
      const at = new Date(now + nextBackoffMs(delivery.attempts || 1));
      return retryLater(delivery.id, at, { state: posting ? 'failed' : undefined, lastError: verdict.reason, pacedSlot: null });
    }
    case 'permanent':
      return posting ? markDead(delivery.id, verdict.reason) : recordUpdated(delivery.id, new Date(0), `update failed: ${verdict.reason}`);
  }
}

/** DueAgain is when a delivery put back to wait for its channel's posting slot is due, if it was. */
export type DueAgain = Date | null;

async function post(delivery: ClaimedDelivery, client: WebClient): Promise<DueAgain> {
  const now = Date.now();
  if (!delivery.pacedSlot) {
    const slot = await reserveSlot(delivery.workspaceId, delivery.channelId);
    if (slot.getTime() > now + SLOT_TOLERANCE_MS) {
      await retryLater(delivery.id, slot, { pacedSlot: slot });
      return slot;
    }
  }
  if (delivery.postStartedAt) {
    const since = new Date(delivery.postStartedAt.getTime() - RECONCILE_WINDOW_MS);
    const ts = await findPostedMessage(client, delivery.channelId, delivery.id, since);
    // The earlier attempt did post. Record it as rendered at the epoch, so it is refreshed by an update.
    if (ts) {
      await recordPosted(delivery.id, ts, new Date(0));
      return null;
    }
  }
  const message = await renderDeliveryMessage(delivery);
  await recordAttemptStart(delivery.id);
  delivery.attempts += 1;
  const ts = await postAlertMessage(client, delivery.channelId, delivery.id, message);
  await recordPosted(delivery.id, ts, message.renderedAt);
  return null;
}

async function update(delivery: ClaimedDelivery, client: WebClient): Promise<void> {
  const message = await renderDeliveryMessage(delivery);
  await updateAlertMessage(client, delivery.channelId, delivery.messageTs!, message);
  await recordUpdated(delivery.id, message.renderedAt);
}

/**
 * deliver processes one claimed delivery to completion or to its next attempt; it never throws. It returns
 * when the delivery is due again if it only waits for its posting slot, so the worker can be back on time.
 */
export async function deliver(delivery: ClaimedDelivery): Promise<DueAgain> {
  let client: WebClient | null = null;
  try {
    client = await clientFor(delivery.workspaceId);
    if (delivery.messageTs === null) return await post(delivery, client);
    await update(delivery, client);
  } catch (error) {
    await handleFailure(delivery, error, client).catch((recordError: unknown) =>
      console.error(`Could not record the outcome of delivery ${delivery.id}:`, recordError),
    );
  }
  return null;
}
