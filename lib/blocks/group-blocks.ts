// The one message of an alert group: how many alerts share the key and in which states, the newest members
// (each with Acknowledge while triggered), a link to the dashboard list of all of them, and, once every member
// is resolved, that the group is. Pure. Within Block Kit's limits by construction: every text is cut to its
// limit, and the members listed are capped so that the message stays well under MAX_MESSAGE_BLOCKS.
import type { Block } from './block-kit';
import { ALERT_ACTION_IDS } from './alert-status-blocks';
import { alertLineBlock, type ListedAlert } from './alert-line';
import { escapeMrkdwn, truncate } from './escape-mrkdwn';
import { MAX_BUTTON_TEXT, MAX_FALLBACK_TEXT, MAX_HEADER_TEXT, MAX_MESSAGE_BLOCKS } from './limits';

/** GroupContent is what a group's message shows (lib/outbox/groups.ts reads it). */
export interface GroupContent {
  /** The group key as routing made it: `event_type=disk.full`, `field:region=eu-1`, `group_key=…`. */
  key: string;
  total: number;
  byStatus: Partial<Record<'triggered' | 'acknowledged' | 'resolved', number>>;
  worstOpen: string | null;
  /** The newest members, newest first (at most as many as the message lists). */
  newest: ListedAlert[];
}

// `event_type=disk.full` reads as "disk.full"; a hashed key (`field:x#…`, a very long value) by what it groups on.
function label(key: string): string {
  const at = key.indexOf('=');
  return at === -1 ? key.split('#')[0]! : key.slice(at + 1);
}

/** groupSummary is the one-line summary, also the notification text: "5 alerts: 3 triggered, 1 acknowledged, 1 resolved". */
export function groupSummary(group: GroupContent): string {
  const states = (['triggered', 'acknowledged', 'resolved'] as const).filter((status) => group.byStatus[status]).map((status) => `${group.byStatus[status]} ${status}`);
  return `${group.total} alert${group.total === 1 ? '' : 's'}: ${states.join(', ')}`;
}

/** renderGroupBlocks renders a group; `listUrl` is the dashboard's list of its members. */
export function renderGroupBlocks(group: GroupContent, listUrl: string): { text: string; blocks: Block[] } {
  // Header, summary, the "older" line and the actions take four blocks; the rest are members.
  const listed = group.newest.slice(0, MAX_MESSAGE_BLOCKS - 4);
  const open = (group.byStatus.triggered ?? 0) + (group.byStatus.acknowledged ?? 0);
  const summary = groupSummary(group);
  const title = open === 0 ? `Resolved: ${label(group.key)}` : `${group.total} × ${label(group.key)}`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, MAX_HEADER_TEXT) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeMrkdwn(summary)}*${group.worstOpen ? ` · most severe open: \`${group.worstOpen}\`` : ' · :white_check_mark: all resolved'}` },
    },
    ...listed.map((alert, index) => alertLineBlock(alert, `group${index}`)),
  ];
  const unlisted = group.total - listed.length;
  if (unlisted > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${unlisted} older alert${unlisted === 1 ? '' : 's'} of this group` }] });
  blocks.push({
    type: 'actions',
    block_id: 'klaxon_group_actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: truncate(`View the ${group.total} alerts in Klaxon`, MAX_BUTTON_TEXT) }, action_id: ALERT_ACTION_IDS.open, url: listUrl }],
  });
  const text = truncate(`${open === 0 ? 'Resolved' : label(group.key)} — ${summary}`, MAX_FALLBACK_TEXT);
  return { text, blocks };
}
