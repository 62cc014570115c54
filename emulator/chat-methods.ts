import { invalidBlocksResult, parseBlocksParam, validateBlocks, withGeneratedIds } from './block-kit';
import { visibleChannel } from './channels';
import { str } from './http';
import { parseStructuredArg, SlackError, throttle, type MethodContext, type MethodSpec, type Result } from './method';
import { CHANNEL_POST_POLICY, TIER3_POLICY } from './rate-limit';
import type { MessageMetadata, SlackChannel } from './types';
import { APP_ID } from './directory';
import { parseView, toSlackView } from './views';

const MAX_TEXT = 40_000;

/** chatMethods post and edit messages and publish views: chat.postMessage/update/postEphemeral, views.publish/open. */
export const chatMethods: Record<string, MethodSpec> = {
  'chat.postMessage': { auth: 'bot', scopes: () => ['chat:write'], handle: postMessage },
  'chat.update': { auth: 'bot', scopes: () => ['chat:write'], handle: updateMessage },
  'chat.postEphemeral': { auth: 'bot', scopes: () => ['chat:write'], handle: postEphemeral },
  'views.publish': {
    auth: 'bot',
    handle: ({ ws, params, state }) => {
      const user = ws.users.find((u) => u.id === str(params, 'user_id'));
      if (!user) throw new SlackError('user_not_found');
      const hash = str(params, 'hash');
      if (hash && state.views.home(ws.id, user.id)?.hash !== hash) throw new SlackError('hash_conflict');
      const view = parseView(params.view, 'home');
      if (Array.isArray(view)) throw new SlackError('invalid_arguments', { response_metadata: { messages: view } });
      return { ok: true, view: toSlackView(state.views.publishHome(ws.id, user.id, view), APP_ID, ws.botId) };
    },
  },
  'views.open': {
    auth: 'bot',
    handle: ({ ws, params, state }) => {
      const triggerId = str(params, 'trigger_id');
      if (!triggerId) throw new SlackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
      const view = parseView(params.view, 'modal');
      if (Array.isArray(view)) throw new SlackError('invalid_arguments', { response_metadata: { messages: view } });
      const trigger = state.credentials.consumeTrigger(triggerId, ws.id);
      if (typeof trigger === 'string') throw new SlackError(trigger);
      return { ok: true, view: toSlackView(state.views.openModal(ws.id, trigger.userId, view), APP_ID, ws.botId) };
    },
  },
};

/** postMessage implements chat.postMessage: channel rules, Block Kit limits, per-channel pacing. */
function postMessage(ctx: MethodContext): Result {
  const { ws, state, params } = ctx;
  const channel = postableChannel(ctx);
  const content = messageContent(ctx, true);
  const metadata = parseMetadata(params.metadata);
  if (metadata === 'invalid' || metadata === 'empty') throw new SlackError('invalid_metadata_format');
  throttle(ctx, `post:${channel.id}`, CHANNEL_POST_POLICY);
  const threadTs = str(params, 'thread_ts');
  const parent = threadTs ? state.store.find(channel.id, threadTs) : undefined;
  const message = state.store.post({
    teamId: ws.id,
    channelId: channel.id,
    threadTs: parent ? (parent.threadTs ?? parent.ts) : threadTs || undefined,
    userId: ws.botUserId,
    botId: ws.botId,
    text: content.text ?? '',
    blocks: content.blocks,
    metadata,
  });
  return { ok: true, channel: channel.id, ts: message.ts, message: state.store.toSlack(message) };
}

/** updateMessage implements chat.update; omitted blocks and metadata are kept, `metadata: {}` removes it, as on Slack. */
function updateMessage(ctx: MethodContext): Result {
  const { ws, state, params } = ctx;
  const channel = visibleChannel(ws, str(params, 'channel'));
  if (!channel) throw new SlackError('channel_not_found');
  const message = state.store.find(channel.id, str(params, 'ts') ?? '');
  if (!message) throw new SlackError('message_not_found');
  if (message.botId !== ws.botId) throw new SlackError('cant_update_message');
  const content = messageContent(ctx, false);
  const metadata = parseMetadata(params.metadata);
  if (metadata === 'invalid') throw new SlackError('invalid_metadata_format');
  throttle(ctx, `update:${ws.id}`, TIER3_POLICY);
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks.length > 0 ? content.blocks : undefined;
  if (metadata === 'empty') delete message.metadata;
  else if (metadata) message.metadata = metadata;
  message.edited = { user: ws.botUserId, ts: state.store.nextTs() };
  return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: state.store.toSlack(message) };
}

/** postEphemeral implements chat.postEphemeral: the recipient must be in the channel. */
function postEphemeral(ctx: MethodContext): Result {
  const { ws, state, params } = ctx;
  const channel = postableChannel(ctx);
  const user = ws.users.find((u) => u.id === str(params, 'user'));
  if (!user) throw new SlackError('user_not_found');
  if (!channel.members.has(user.id)) throw new SlackError('user_not_in_channel');
  const content = messageContent(ctx, true);
  const message = state.store.postEphemeral({ teamId: ws.id, channelId: channel.id, userId: user.id, text: content.text ?? '', blocks: content.blocks });
  return { ok: true, message_ts: message.ts };
}

/** postableChannel resolves the `channel` argument and applies Slack's posting rules. */
function postableChannel({ ws, params, token }: MethodContext): SlackChannel {
  const channel = visibleChannel(ws, str(params, 'channel'));
  if (!channel) throw new SlackError('channel_not_found');
  if (channel.isArchived) throw new SlackError('is_archived');
  const canPostPublic = !channel.isPrivate && token.scopes.has('chat:write.public');
  if (!channel.members.has(ws.botUserId) && !canPostPublic) throw new SlackError('not_in_channel');
  return channel;
}

/** messageContent validates `text` and `blocks`; on a new message one of them is required. */
function messageContent({ params }: MethodContext, isNew: boolean): { text?: string; blocks?: unknown[] } {
  const text = str(params, 'text');
  const parsed = parseBlocksParam(params.blocks);
  if (parsed === 'invalid') throw new SlackError('invalid_blocks_format');
  if (parsed) {
    const errors = validateBlocks(parsed, 'message');
    if (errors.length > 0) {
      const { ok: _ok, error, ...extra } = invalidBlocksResult(errors);
      throw new SlackError(String(error), extra);
    }
  }
  if (!text && (!parsed || (isNew && parsed.length === 0))) throw new SlackError('no_text');
  if (text && text.length > MAX_TEXT) throw new SlackError('msg_too_long');
  return { text, blocks: parsed ? withGeneratedIds(parsed) : undefined };
}

/**
 * parseMetadata reads the `metadata` argument: a JSON string (form bodies) or an object (JSON bodies)
 * with a non-empty `event_type` and an object `event_payload`. Undefined when absent, `empty` for `{}`.
 */
function parseMetadata(value: unknown): MessageMetadata | 'empty' | 'invalid' | undefined {
  const parsed = parseStructuredArg(value);
  if (parsed === undefined) return undefined;
  if (!isObject(parsed)) return 'invalid';
  if (Object.keys(parsed).length === 0) return 'empty';
  const { event_type: eventType, event_payload: payload } = parsed;
  if (typeof eventType !== 'string' || !eventType.trim() || !isObject(payload)) return 'invalid';
  return { event_type: eventType, event_payload: structuredClone(payload) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
