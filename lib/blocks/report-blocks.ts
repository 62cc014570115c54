// The Slack message of a scheduled report (and its dashboard preview). Pure.
import type { ReportSummary } from '../reports/report-summary';
import type { Block } from './block-kit';
import { escapeMrkdwn, truncate } from './escape-mrkdwn';
import { formatUtcDateTime } from './slack-date';

const ORDER = ['critical', 'error', 'warning', 'info'] as const;

/** formatSeconds says a mean duration briefly: "4 min", "1 h 12 min", "—" for none. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return `${Math.round(seconds)} s`;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** renderReportBlocks renders a report; `alertsUrl` is the dashboard's alert list. */
export function renderReportBlocks(report: ReportSummary, alertsUrl: string): { text: string; blocks: Block[] } {
  const severities = ORDER.filter((s) => report.bySeverity[s]).map((s) => `${report.bySeverity[s]} ${s}`).join(', ') || 'none';
  const text = `Alert report ${formatUtcDateTime(report.since)} – ${formatUtcDateTime(report.until)}: ${report.total} alerts (${severities}), ${report.open} open`;
  const noisiest = report.noisiest.map((entry) => `\`${escapeMrkdwn(entry.eventType)}\` ×${entry.count}`).join(', ') || '—';
  const open = report.oldestOpen.map((alert) => `• \`${alert.severity}\` ${escapeMrkdwn(truncate(alert.title, 150))} (since ${formatUtcDateTime(alert.createdAt)})`).join('\n');
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Alert report' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${formatUtcDateTime(report.since)} – ${formatUtcDateTime(report.until)}` }] },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Alerts*\n${report.total} (${severities})` },
        { type: 'mrkdwn', text: `*Still open*\n${report.open}` },
        { type: 'mrkdwn', text: `*Mean time to acknowledge*\n${formatSeconds(report.meanAckSeconds)}` },
        { type: 'mrkdwn', text: `*Mean time to resolve*\n${formatSeconds(report.meanResolveSeconds)}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: `*Noisiest event types*\n${noisiest}` } },
  ];
  if (open) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Oldest still open*\n${open}` } });
  blocks.push({ type: 'actions', block_id: 'klaxon_report_actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open alerts in Klaxon' }, action_id: 'alert_open', url: alertsUrl }] });
  return { text, blocks };
}
