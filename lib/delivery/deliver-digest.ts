// The Slack side of storm digests: the first fold of a storm posts the channel's digest message in the slot
// its claimed post had booked; later folds and the end of the storm update it in place, at most every
// REFRESH_MS, through the digest-refresh timed job (lib/outbox/handlers/digest-refresh.ts).
import type { WebClient } from '@slack/web-api';
import { renderDigestBlocks } from '../blocks/digest-blocks';
import { db } from '../db';
import { env } from '../env';
import { metrics } from '../metrics';
import { digestView, QUIET_MS, recordDigestPosted, REFRESH_MS, type DigestView, type OpenDigest } from '../outbox/digests';
import type { Tx } from '../outbox/deliveries';
import { scheduleJob } from '../outbox/jobs';
import { signalWork } from '../outbox/signal';
import { postAlertMessage, updateAlertMessage } from './slack-messages';

/** DIGEST_REFRESH_JOB updates a digest message and ends its storm when the channel went quiet. */
export const DIGEST_REFRESH_JOB = 'digest-refresh';

/** digestListUrl is the dashboard's alert list filtered to a digest's alerts. */
export function digestListUrl(digest: Pick<DigestView, 'id' | 'workspaceId'>): string {
  return `${env().appUrl}/w/${digest.workspaceId}/alerts?digest=${encodeURIComponent(digest.id)}`;
}

/** renderDigest renders a digest as it is now. */
export function renderDigest(view: DigestView, now = new Date()) {
  return renderDigestBlocks(view, digestListUrl(view), now);
}

/**
 * scheduleDigestRefresh makes sure a refresh of the digest runs at the next REFRESH_MS boundary (many folds
 * in one interval schedule one job) and a check for the end of its storm after QUIET_MS without folds.
 */
export async function scheduleDigestRefresh(tx: Tx, digest: { id: string; workspaceId: string }, lastFoldedAt: Date, now = new Date()): Promise<void> {
  const bucket = Math.floor(now.getTime() / REFRESH_MS) + 1;
  const base = { kind: DIGEST_REFRESH_JOB, workspaceId: digest.workspaceId, payload: { digestId: digest.id } };
  await scheduleJob(tx, { ...base, key: `${DIGEST_REFRESH_JOB}:${digest.id}:${bucket}`, runAt: new Date(bucket * REFRESH_MS) });
  const endCheck = new Date(lastFoldedAt.getTime() + QUIET_MS + 1_000);
  await scheduleJob(tx, { ...base, key: `${DIGEST_REFRESH_JOB}:${digest.id}:quiet:${lastFoldedAt.getTime()}`, runAt: endCheck });
}

/** sendDigest follows a fold: the storm's first fold posts the digest message, later ones schedule its refresh. */
export async function sendDigest(digest: OpenDigest, client: WebClient, now = new Date()): Promise<void> {
  // First, so that a failed post of the message is made good by the refresh.
  await scheduleDigestRefresh(db(), digest, now, now);
  signalWork('job');
  if (!digest.messageTs) {
    const view = await digestView(db(), digest.id);
    if (view && !view.messageTs) {
      const ts = await postAlertMessage(client, digest.channelId, digest.id, renderDigest(view, now));
      metrics().deliveries.inc({ kind: 'post', outcome: 'sent' });
      await recordDigestPosted(digest.id, ts);
    }
  }
}

/** refreshDigestMessage updates (or, if its post never went, posts) a digest's message. */
export async function refreshDigestMessage(client: WebClient, view: DigestView, now = new Date()): Promise<void> {
  const message = renderDigest(view, now);
  if (view.messageTs) {
    await updateAlertMessage(client, view.channelId, view.messageTs, message);
    metrics().deliveries.inc({ kind: 'update', outcome: 'sent' });
  } else {
    await recordDigestPosted(view.id, await postAlertMessage(client, view.channelId, view.id, message));
    metrics().deliveries.inc({ kind: 'post', outcome: 'sent' });
  }
}
