// Posts a scheduled report to its channel and schedules the next one; a deleted report sends nothing.
import { z } from 'zod';
import { postAlertMessage } from '../../delivery/slack-messages';
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
    const message = await renderReport(report, job.runAt);
    await postAlertMessage(slackClient(await botTokenFor(report.workspaceId)), report.channelId, job.id, message);
    await tx.report.update({ where: { id: report.id }, data: { lastSentAt: job.runAt } });
    // The next one comes after the time this one was due, however late (or early) it ran.
    const due = job.payload.at ? new Date(job.payload.at) : job.runAt;
    await scheduleNextReport(tx, report, due > job.runAt ? due : job.runAt);
    return ['job'];
  },
};
