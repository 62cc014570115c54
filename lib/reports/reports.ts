// Scheduled reports of a workspace: a channel gets a summary of the alerts since the last one, daily or on
// chosen weekdays, at a local time in a time zone (DST-correct, as maintenance windows). Each send is a timed
// job (report-send) with a unique key per report and time, scheduling the next.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { assertAdmin } from '../auth/workspace-scope';
import { findUnknownChannels } from '../channels/channel-cache';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import type { Report } from '../generated/prisma/client';
import type { Tx } from '../outbox/deliveries';
import { scheduleJob } from '../outbox/jobs';
import { signalWork } from '../outbox/signal';
import { WEEKDAYS } from '../schemas/silence';
import type { ReportInput } from '../schemas/report';
import { nextOccurrence } from '../silences/weekly-schedule';
import { renderReportBlocks } from '../blocks/report-blocks';
import { summarizeAlerts } from './report-summary';

/** REPORT_SEND_JOB posts a report and schedules the next. */
export const REPORT_SEND_JOB = 'report-send';

/** nextReportAt is the first send time of a report strictly after `after`. */
export function nextReportAt(report: Pick<Report, 'days' | 'time' | 'timeZone'>, after: Date): Date | null {
  // A send time is a one-minute window of the weekly schedule; its start is the send time.
  const [h = 0, m = 0] = report.time.split(':').map(Number);
  const minute = h * 60 + m + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const schedule = { timeZone: report.timeZone, days: report.days, start: report.time, end: `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}` };
  let from = after;
  for (let i = 0; i < 3; i += 1) {
    const next = nextOccurrence(schedule, from);
    if (!next) return null;
    if (next.startsAt > after) return next.startsAt;
    from = next.endsAt;
  }
  return null;
}

/** scheduleNextReport schedules the report's next send after `after`. */
export async function scheduleNextReport(tx: Tx, report: Report, after: Date): Promise<Date | null> {
  const at = nextReportAt(report, after);
  if (at) await scheduleJob(tx, { kind: REPORT_SEND_JOB, key: `${REPORT_SEND_JOB}:${report.id}:${at.toISOString()}`, runAt: at, workspaceId: report.workspaceId, payload: { reportId: report.id, at: at.toISOString() } });
  return at;
}

/** reportPeriod is what a report sent at `at` covers: since the last one, or one period (a day or a week) back. */
export function reportPeriod(report: Pick<Report, 'days' | 'lastSentAt'>, at: Date): { since: Date; until: Date } {
  const span = report.days.length === 7 ? 86_400_000 : 7 * 86_400_000;
  return { since: report.lastSentAt ?? new Date(at.getTime() - span), until: at };
}

/** renderReport renders a report's message as it would be sent at `at` (the dashboard preview too). */
export async function renderReport(report: Report, at = new Date()) {
  const { since, until } = reportPeriod(report, at);
  return renderReportBlocks(await summarizeAlerts(report.workspaceId, since, until), `${env().appUrl}/w/${report.workspaceId}/alerts?status=triggered&status=acknowledged`);
}

/** reportJson renders a report in the API's shape, with its next send time. */
export function reportJson(report: Report, now = new Date()) {
  return {
    id: report.id,
    channel: report.channelId,
    days: report.days.map((day) => WEEKDAYS[day]!),
    time: report.time,
    time_zone: report.timeZone,
    next_at: nextReportAt(report, now),
    last_sent_at: report.lastSentAt,
    created_at: report.createdAt,
  };
}

/** createReport adds a scheduled report (admins only) and schedules its first send. */
export async function createReport(scope: WorkspaceScope, input: ReportInput): Promise<Report> {
  assertAdmin(scope);
  const unknown = await findUnknownChannels(scope.workspaceId, [input.channel]);
  if (unknown.length) throw new AppError('invalid_request', `channel: ${input.channel} is not a channel of this workspace`, [{ field: 'channel', message: 'unknown channel' }]);
  const report = await db().$transaction(async (tx) => {
    const created = await tx.report.create({ data: { workspaceId: scope.workspaceId, channelId: input.channel, days: input.days, time: input.time, timeZone: input.timeZone } });
    await scheduleNextReport(tx, created, new Date());
    return created;
  });
  signalWork('job');
  return report;
}

async function findReport(scope: WorkspaceScope, id: string): Promise<Report> {
  const report = await db().report.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!report) throw new AppError('not_found', 'No such report.');
  return report;
}

/** getReport returns one report of the workspace. */
export const getReport = findReport;

/** listReports returns the workspace's reports. */
export function listReports(scope: WorkspaceScope): Promise<Report[]> {
  return db().report.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/** deleteReport removes a report (admins only); its scheduled send finds nothing and does nothing. */
export async function deleteReport(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  await findReport(scope, id);
  await db().report.delete({ where: { id } });
}
