// The message an alert gets when its route has no template: header, description, fields, links, context.
import type { Block, Mrkdwn } from './block-kit';
import { escapeMrkdwn } from './escape-mrkdwn';
import { MAX_SECTION_FIELDS } from './limits';
import { formatLinks } from './placeholders';
import { type RenderableAlert } from './renderable-alert';
import { slackDate } from './slack-date';

/** SEVERITY_EMOJI is the colour dot shown before an alert's title, by severity. */
export const SEVERITY_EMOJI: Record<RenderableAlert['severity'], string> = {
  critical: '🔴',
  error: '🟠',
  warning: '🟡',
  info: '🔵',
};

function field(label: string, value: string): Mrkdwn {
  return { type: 'mrkdwn', text: `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}` };
}

function fieldSections(alert: RenderableAlert): Block[] {
  const fields = [
    field('Severity', alert.severity),
    field('Event type', alert.eventType),
    ...(alert.source ? [field('Source', alert.source)] : []),
    ...Object.entries(alert.fields).map(([name, value]) => field(name, String(value))),
  ];
  // A section holds at most 10 fields: more become further sections.
  const sections: Block[] = [];
  for (let start = 0; start < fields.length; start += MAX_SECTION_FIELDS) {
    sections.push({ type: 'section', fields: fields.slice(start, start + MAX_SECTION_FIELDS) });
  }
  return sections;
}

function contextLine(alert: RenderableAlert): string {
  // The source is one of the fields above: the context line only says when.
  const parts = [
    alert.occurrences > 1
      ? `First seen ${slackDate(alert.occurredAt)} · Seen ${alert.occurrences} times, last at ${slackDate(alert.lastSeenAt)}`
      : slackDate(alert.occurredAt),
  ];
  return parts.join(' · ');
}

/**
 * buildDefaultAlertBlocks renders an alert without a template. Texts are escaped but not yet cut to Slack's
 * limits: renderAlertBlocks fits every message, whatever produced it.
 */
export function buildDefaultAlertBlocks(alert: RenderableAlert): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `${SEVERITY_EMOJI[alert.severity]} ${alert.title}`, emoji: true } },
  ];
  if (alert.description?.trim()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(alert.description) } });
  }
  blocks.push(...fieldSections(alert));
  if (alert.links.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: formatLinks(alert.links, 'mrkdwn') } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: contextLine(alert) }] });
  return blocks;
}
