// reactions.add and chat.getPermalink as Slack answers them: reactions:write for the reaction (chat.getPermalink
// needs no scope), the caller must see the channel, `already_reacted` for a second identical reaction, and
// permalinks of the form https://{domain}.slack.com/archives/{channel}/p{ts without the dot} (with
// `?thread_ts=…&cid=…` for a reply).
import { visibleChannel } from './channels';
import { str } from './http';
import { SlackError, throttle, type MethodContext, type MethodSpec, type Result } from './method';
import { TIER3_POLICY } from './rate-limit';

// Emoji names as Slack accepts them: lowercase letters, digits and - _ + ' (skin tones as ::skin-tone-2).
const EMOJI_NAME = /^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/;
const MAX_REACTIONS = 50;

function messageOf(ctx: MethodContext, tsParam: string) {
  const channelId = str(ctx.params, 'channel');
  const ts = str(ctx.params, tsParam);
  if (!channelId || !ts) throw new SlackError('no_item_specified');
  const channel = visibleChannel(ctx.ws, channelId);
  if (!channel) throw new SlackError('channel_not_found');
  if (!/^\d+\.\d+$/.test(ts)) throw new SlackError('bad_timestamp');
  const message = ctx.state.store.find(channel.id, ts);
  if (!message) throw new SlackError('message_not_found');
  return { channel, message };
}

function addReaction(ctx: MethodContext): Result {
  const { channel, message } = messageOf(ctx, 'timestamp');
  if (channel.isArchived) throw new SlackError('is_archived');
  const name = (str(ctx.params, 'name') ?? '').replace(/^:|:$/g, '');
  if (!EMOJI_NAME.test(name)) throw new SlackError('invalid_name');
  throttle(ctx, `reactions:${ctx.ws.id}`, TIER3_POLICY);
  message.reactions ??= [];
  const user = ctx.ws.botUserId;
  const existing = message.reactions.find((reaction) => reaction.name === name);
  if (existing?.users.includes(user)) throw new SlackError('already_reacted');
  if (!existing && message.reactions.length >= MAX_REACTIONS) throw new SlackError('too_many_reactions');
  if (existing) existing.users.push(user);
  else message.reactions.push({ name, users: [user] });
  return { ok: true };
}

function getPermalink(ctx: MethodContext): Result {
  const { channel, message } = messageOf(ctx, 'message_ts');
  const base = `https://${ctx.ws.domain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  const permalink = message.threadTs && message.threadTs !== message.ts ? `${base}?thread_ts=${message.threadTs}&cid=${channel.id}` : base;
  return { ok: true, channel: channel.id, permalink };
}

/** reactionMethods are reactions.add and chat.getPermalink. */
export const reactionMethods: Record<string, MethodSpec> = {
  'reactions.add': { auth: 'any', scopes: () => ['reactions:write'], handle: addReaction },
  'chat.getPermalink': { auth: 'any', handle: getPermalink },
};
