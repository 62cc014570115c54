// Posts a scheduled report to its channel and schedules the next one; a deleted report sends nothing. The post
// carries the job's id in its metadata, as the outbox's posts carry their delivery's: a job run again after
// Slack took its post (the worker died, or lost the answer, before the job was marked done) finds that message
// and does not post the report twice.
import { z } from 'zod';
import { findPostedMessage, postAlertMessage } from '../../delivery/slack-messages';
import { renderReport, REPORT_SEND_JOB, scheduleNextReport } from '../../reports/reports';
import { botTokenFor } from '../../slack/bot-token';
import { slackClient } from '../../slack/client';
import type { JobHandler } from '../jobs';

export const reportSend: JobHandler<{ reportId: string; at?: string }> = {
  kind: REPORT_SEND_JOB,
  payload: z.object({ reportId: z.string(), at: z.iso.datetime().optional() }),
  async run(job, tx) {
    const report = await tx.report.findUnique({ where: { id: job.payload.reportId } });
    if (!report) return [];
    const client = slackClient(await botTokenFor(report.workspaceId));
    // An earlier attempt began no earlier than the job was due (a minute's margin for clocks).
    const posted = job.attempts > 1 ? await findPostedMessage(client, report.channelId, job.id, new Date(job.runAt.getTime() - 60_000)) : null;
    if (!posted) await postAlertMessage(client, report.channelId, job.id, await renderReport(report, job.runAt));
    await tx.report.update({ where: { id: report.id }, data: { lastSentAt: job.runAt } });
    // The next one comes after the time this one was due, however late (or early) it ran.
    const due = job.payload.at ? new Date(job.payload.at) : job.runAt;
    await scheduleNextReport(tx, report, due > job.runAt ? due : job.runAt);
    return ['job'];
  },
};
