import type { Metadata } from 'next';
import { BlockKitMessage } from '@/app/(dashboard)/components/block-kit-message';
import { When } from '@/app/(dashboard)/components/when';
import { listChannels } from '@/lib/channels/channel-cache';
import { channelNames } from '@/lib/channels/channel-names';
import { channelOption } from '@/lib/channels/channel-options';
import { listReports, renderReport, reportJson } from '@/lib/reports/reports';
import { dashboardContext } from '../dashboard-context';
import { createReportAction } from './actions';
import { CreateReportForm } from './create-report-form';

export const metadata: Metadata = { title: 'Reports — Klaxon' };

// Scheduled reports with a preview of what each would post now; admins schedule them here or with /api/v1/reports.
export default async function ReportsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const reports = await listReports(scope);
  const names = await channelNames(
    scope,
    reports.map((report) => report.channelId),
  );
  const previews = await Promise.all(reports.map((report) => renderReport(report)));
  const admin = scope.role === 'admin';
  const channels = admin ? (await listChannels(scope)).filter((channel) => !channel.deletedAt).map(channelOption) : [];
  return (
    <>
      <h1>Reports</h1>
      <p className="lead">
        Scheduled summaries of this workspace&apos;s alerts, posted to a channel daily or weekly at a local time (also with <code>POST /api/v1/reports</code>).
      </p>
      {admin ? <CreateReportForm action={createReportAction.bind(null, teamId)} channels={channels} /> : <p className="notice">You are a viewer: only workspace admins can schedule reports.</p>}
      {reports.length === 0 && <p data-testid="reports-empty">No scheduled reports yet.</p>}
      {reports.map((report, index) => {
        const json = reportJson(report);
        return (
          <section key={report.id} className="card" aria-labelledby={`report-${report.id}`} data-testid="report">
            <h2 id={`report-${report.id}`}>
              #{names.get(report.channelId) ?? report.channelId} · {json.days.length === 7 ? 'daily' : json.days.join(', ')} at {report.time} {report.timeZone}
            </h2>
            <p className="muted">
              Next: <When date={json.next_at} /> · last sent: <When date={report.lastSentAt} />
            </p>
            <BlockKitMessage blocks={previews[index]!.blocks} />
          </section>
        );
      })}
    </>
  );
}
