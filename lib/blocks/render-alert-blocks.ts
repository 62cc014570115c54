// Turns an alert into the `text` + `blocks` of its Slack message: its route's template (or the default
// layout), the status line and the alert buttons, always within Slack's limits. Pure and deterministic.
import { ACTIONS_BLOCK_ID, buildAlertActions, buildStatusLine } from './alert-status-blocks';
import type { Block, TemplateBlocks } from './block-kit';
import { buildDefaultAlertBlocks } from './default-alert-blocks';
import { escapeMrkdwn, truncateMrkdwn } from './escape-mrkdwn';
import { fitBlocks } from './fit-blocks';
import { MAX_FALLBACK_TEXT, MAX_MESSAGE_BLOCKS } from './limits';
import { fillPlaceholders, type PlaceholderMode } from './placeholders';
import { type RenderableAlert } from './renderable-alert';

export type { RenderableAlert, AlertActor } from './renderable-alert';

/** RenderOptions carries what the renderer can't know from the alert: where the dashboard is. */
export interface RenderOptions {
  /** The workspace's dashboard base URL, e.g. `https://klaxon.example.com/w/T0123`; alerts live under `/alerts/{id}`. */
  dashboardUrl: string;
}

// Walks the template's JSON and fills every string. Only the `text` of a mrkdwn text object is mrkdwn, so
// only there are values escaped.
function fillTemplate(node: unknown, alert: RenderableAlert, alertUrl: string, mode: PlaceholderMode): unknown {
  if (typeof node === 'string') return fillPlaceholders(node, alert, alertUrl, mode);
  if (Array.isArray(node)) return node.map((item) => fillTemplate(item, alert, alertUrl, 'plain'));
  if (typeof node !== 'object' || node === null) return node;
  const isMrkdwn = (node as { type?: unknown }).type === 'mrkdwn';
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      fillTemplate(value, alert, alertUrl, isMrkdwn && key === 'text' ? 'mrkdwn' : 'plain'),
    ]),
  );
}

/**
 * renderAlertBlocks renders `alert` with `template` (or the default layout when none), adds the status line
 * and, always last, the actions block `klaxon_actions` with the buttons that fit the alert's status. `text` is
 * the notification fallback, `[SEVERITY] title`. The result is always valid for `chat.postMessage` and
 * `chat.update`: at most 50 blocks, every text within its limit, unique block ids.
 */
export function renderAlertBlocks(
  alert: RenderableAlert,
  template: TemplateBlocks | null | undefined,
  options: RenderOptions,
): { text: string; blocks: Block[] } {
  const alertUrl = `${options.dashboardUrl.replace(/\/+$/, '')}/alerts/${encodeURIComponent(alert.id)}`;
  // A stored template is JSON from the database: anything but an array falls back to the default layout.
  const body = Array.isArray(template)
    ? (fillTemplate(template, alert, alertUrl, 'plain') as unknown[])
    : buildDefaultAlertBlocks(alert);
  // The status line is kept even when a long template is cut short: it tells who is on it.
  const statusLine = buildStatusLine(alert);
  const status = statusLine ? fitBlocks([statusLine], { maxBlocks: 1 }) : [];
  const content = fitBlocks(body, { maxBlocks: MAX_MESSAGE_BLOCKS - 1 - status.length, reservedIds: [ACTIONS_BLOCK_ID] });
  const text = truncateMrkdwn(escapeMrkdwn(`[${alert.severity.toUpperCase()}] ${alert.title}`), MAX_FALLBACK_TEXT);
  return { text, blocks: [...content, ...status, buildAlertActions(alert, alertUrl)] };
}
