// The storm digest message of a channel: how many alerts were folded into it, by severity and event-type
// prefix, the five newest (each with Acknowledge while it is triggered), a link to the dashboard list of
// exactly these alerts, and, once the storm is over, that it is. Pure.
import type { Block } from './block-kit';
import { ALERT_ACTION_IDS } from './alert-status-blocks';
import { alertLineBlock } from './alert-line';
import { escapeMrkdwn, truncate, truncateMrkdwn } from './escape-mrkdwn';
import { formatUtcTime } from './slack-date';

/** DigestContent is what a digest message shows (lib/outbox/digests.ts reads it). */
export interface DigestContent {
  folded: number;
  startedAt: Date;
  lastFoldedAt: Date;
  endedAt: Date | null;
  bySeverity: Partial<Record<'critical' | 'error' | 'warning' | 'info', number>>;
  prefixes: Array<{ prefix: string; count: number }>;
  newest: Array<{ id: string; title: string; severity: string; eventType: string; status: string }>;
}

const ORDER = ['critical', 'error', 'warning', 'info'] as const;

/** digestSummary is the one-line summary, also the notification text: "+37 more alerts since 14:02 UTC: 30 critical, 7 error — deploy.* ×20, disk.* ×17". */
export function digestSummary(digest: DigestContent): string {
  const severities = ORDER.filter((severity) => digest.bySeverity[severity]).map((severity) => `${digest.bySeverity[severity]} ${severity}`);
  const prefixes = digest.prefixes.map((entry) => `${entry.prefix}.* ×${entry.count}`);
  return `+${digest.folded} more alert${digest.folded === 1 ? '' : 's'} since ${formatUtcTime(digest.startedAt)} UTC: ${severities.join(', ')}${prefixes.length ? ` — ${prefixes.join(', ')}` : ''}`;
}

/** renderDigestBlocks renders a digest; `listUrl` is the dashboard's list of its alerts. */
export function renderDigestBlocks(digest: DigestContent, listUrl: string, now = new Date()): { text: string; blocks: Block[] } {
  const summary = digestSummary(digest);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: digest.endedAt ? 'Alert storm (over)' : 'Alert storm: alerts folded here' } },
    { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(`*${escapeMrkdwn(summary)}*`, 3000) } },
  ];
  digest.newest.forEach((alert, index) => blocks.push(alertLineBlock(alert, `digest${index}`)));
  blocks.push({
    type: 'actions',
    block_id: 'klaxon_digest_actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: truncate(`View these ${digest.folded} alerts in Klaxon`, 75) }, action_id: ALERT_ACTION_IDS.open, url: listUrl }],
  });
  const footer = digest.endedAt
    ? `:white_check_mark: Storm over at ${formatUtcTime(digest.endedAt)} UTC: ${digest.folded} alerts folded from ${formatUtcTime(digest.startedAt)} to ${formatUtcTime(digest.lastFoldedAt)} UTC. New alerts post one by one again.`
    : `Every alert is stored and can be acknowledged in Klaxon. Updated ${formatUtcTime(now)} UTC.`;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: footer }] });
  return { text: digest.endedAt ? `Alert storm over: ${summary}` : summary, blocks };
}
