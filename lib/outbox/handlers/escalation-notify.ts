// One notification of an escalation step: a DM to a person (conversations.open, then chat.postMessage) or a
// notice in a channel. Failures Slack may get over are retried with backoff; permanent ones (a user that
// left, a missing scope) end the job with the reason in the alert's timeline, not in an endless retry.
import { z } from 'zod';
import { classifySlackError } from '../../delivery/classify-slack-error';
import { ESCALATION_NOTIFY_JOB } from '../../escalation/escalation';
import { log } from '../../log';
import { botTokenFor } from '../../slack/bot-token';
import { slackClient } from '../../slack/client';
import type { JobHandler } from '../jobs';

type Notice = { user?: string; channel?: string; text: string };

export const escalationNotify: JobHandler<Notice> = {
  kind: ESCALATION_NOTIFY_JOB,
  payload: z.object({ user: z.string().optional(), channel: z.string().optional(), text: z.string() }),
  async run(job, tx) {
    if (!job.workspaceId) return [];
    try {
      const client = slackClient(await botTokenFor(job.workspaceId));
      let channel = job.payload.channel;
      if (job.payload.user) {
        const opened = await client.conversations.open({ users: job.payload.user });
        channel = opened.channel?.id;
      }
      if (!channel) throw new Error('conversations.open answered without a channel');
      await client.chat.postMessage({ channel, text: job.payload.text, unfurl_links: false });
    } catch (error) {
      const verdict = classifySlackError(error);
      if (verdict.kind !== 'permanent' && verdict.kind !== 'not_in_channel') throw error;
      const reason = verdict.kind === 'permanent' ? verdict.reason : 'not_in_channel';
      const to = job.payload.user ? `<@${job.payload.user}>` : `<#${job.payload.channel}>`;
      log().warn({ job: job.id, reason }, 'Escalation notice failed for good');
      if (job.alertId) {
        await tx.alertActivity.create({
          data: { workspaceId: job.workspaceId, alertId: job.alertId, kind: 'comment', actorType: 'system', actorName: 'Klaxon', via: 'system', note: `Could not notify ${to}: ${reason}` },
        });
      }
    }
    return [];
  },
};
