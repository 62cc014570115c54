import type { SlackChannel, Workspace } from './types';

/**
 * visibleChannel finds a channel the way the bot sees it: another workspace's channels and private
 * channels the bot is not in do not exist (`channel_not_found`). `ref` may be an id or a `#name`.
 */
export function visibleChannel(ws: Workspace, ref: string | undefined): SlackChannel | undefined {
  if (!ref) return undefined;
  const name = ref.replace(/^#/, '');
  const channel = ws.channels.find((c) => c.id === ref || c.name === name);
  if (!channel || (channel.isPrivate && !channel.members.has(ws.botUserId))) return undefined;
  return channel;
}

/** channelObject shapes a channel like Slack's conversation objects, `is_member` from the bot's view. */
export function channelObject(c: SlackChannel, ws: Workspace): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isPrivate,
    is_group: c.isPrivate,
    is_im: Boolean(c.imUser),
    is_mpim: false,
    is_private: c.isPrivate,
    created: c.created,
    is_archived: c.isArchived,
    is_general: c.isGeneral,
    unlinked: 0,
    name_normalized: c.name,
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: ws.id,
    updated: c.created * 1000,
    parent_conversation: null,
    creator: c.creator,
    is_member: c.members.has(ws.botUserId),
    topic: { value: c.topic, creator: '', last_set: 0 },
    purpose: { value: c.purpose, creator: c.creator, last_set: c.created },
    previous_names: [],
    num_members: [...c.members].length,
  };
}
