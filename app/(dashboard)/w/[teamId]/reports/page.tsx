import type { Metadata } from 'next';
import { BlockKitMessage } from '@/app/(dashboard)/components/block-kit-message';
import { When } from '@/app/(dashboard)/components/when';
import { channelNames } from '@/lib/channels/channel-names';
import { listReports, renderReport, reportJson } from '@/lib/reports/reports';
import { dashboardContext } from '../dashboard-context';

export const metadata: Metadata = { title: 'Reports — Klaxon' };

// Scheduled reports with a preview of what each would post now (created through /api/v1/reports for now).
export default async function ReportsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const reports = await listReports(scope);
  const names = await channelNames(
    scope,
    reports.map((report) => report.channelId),
  );
  const previews = await Promise.all(reports.map((report) => renderReport(report)));
  return (
    <>
      <h1>Reports</h1>
      <p className="lead">
        Scheduled summaries of this workspace&apos;s alerts, posted to a channel daily or weekly at a local time. Create them with{' '}
        <code>POST /api/v1/reports</code>.
      </p>
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
