// Brings a storm digest's message up to date, and ends the storm when its channel folded nothing for
// QUIET_MS (the message then says so, and the next storm opens a new digest). Scheduled by each fold, one
// per REFRESH_MS interval, plus an end check after the last fold.
import { z } from 'zod';
import { DIGEST_REFRESH_JOB, refreshDigestMessage, scheduleDigestRefresh } from '../../delivery/deliver-digest';
import { botTokenFor } from '../../slack/bot-token';
import { slackClient } from '../../slack/client';
import { digestView, endQuietDigest } from '../digests';
import type { JobHandler } from '../jobs';

export const digestRefresh: JobHandler<{ digestId: string }> = {
  kind: DIGEST_REFRESH_JOB,
  payload: z.object({ digestId: z.string() }),
  async run(job, tx) {
    const before = await digestView(tx, job.payload.digestId);
    if (!before) return [];
    const wasEnded = before.endedAt !== null;
    const ended = await endQuietDigest(tx, before.id);
    // An ended digest was already told so; only the run that ends it updates it once more.
    if (wasEnded) return [];
    const view = (await digestView(tx, before.id))!;
    await refreshDigestMessage(slackClient(await botTokenFor(view.workspaceId)), view);
    if (!ended) await scheduleDigestRefresh(tx, view, view.lastFoldedAt, new Date(Math.max(Date.now(), view.lastFoldedAt.getTime())));
    return [];
  },
};
