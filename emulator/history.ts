import { bool, str } from './http';
import { SlackError, requireScope, throttle, type MethodContext, type MethodSpec, type Result } from './method';
import { TIER3_POLICY } from './rate-limit';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 999;
const TS = /^\d+(\.\d+)?$/;

/** historyMethods read channel messages: conversations.history. */
export const historyMethods: Record<string, MethodSpec> = {
  'conversations.history': { auth: 'bot', handle: conversationsHistory },
};

/**
 * conversationsHistory implements conversations.history: top-level messages (no thread replies) newest
 * first, `oldest`/`latest` exclusive unless `inclusive`, `limit` (100, at most 999), `next_ts` cursors,
 * and message metadata only with `include_all_metadata`.
 */
function conversationsHistory(ctx: MethodContext): Result {
  const { ws, params, token, state } = ctx;
  const ref = str(params, 'channel');
  const channel = ws.channels.find((c) => c.id === ref);
  // Private channels the bot is not in do not exist for it; neither do other workspaces' channels.
  if (!channel || (channel.isPrivate && !channel.members.has(ws.botUserId))) throw new SlackError('channel_not_found');
  requireScope(token, channel.isPrivate ? 'groups:history' : 'channels:history');
  if (!channel.members.has(ws.botUserId)) throw new SlackError('not_in_channel');

  const latest = str(params, 'latest') || undefined;
  const oldest = str(params, 'oldest') || undefined;
  if (latest !== undefined && !TS.test(latest)) throw new SlackError('invalid_ts_latest');
  if (oldest !== undefined && !TS.test(oldest)) throw new SlackError('invalid_ts_oldest');
  const inclusive = bool(params, 'inclusive');
  const cursor = str(params, 'cursor') || undefined;
  const from = cursor === undefined ? undefined : decodeCursor(cursor);
  throttle(ctx, `history:${ws.id}`, TIER3_POLICY);

  const requested = Math.trunc(Number(str(params, 'limit') ?? DEFAULT_LIMIT));
  const limit = Number.isFinite(requested) && requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT;
  const max = latest === undefined ? Infinity : micros(latest);
  const min = oldest === undefined ? -Infinity : micros(oldest);
  const inRange = state.store.topLevel(channel.id).filter((m) => {
    const t = micros(m.ts);
    return (inclusive ? t <= max && t >= min : t < max && t > min) && (from === undefined || t <= from);
  });
  const page = inRange.slice(0, limit);
  const next = inRange[limit];
  const withMetadata = bool(params, 'include_all_metadata');
  return {
    ok: true,
    ...(latest !== undefined ? { latest } : {}),
    messages: page.map((m) => state.store.toSlack(m, withMetadata)),
    has_more: next !== undefined,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    ...(next ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${micros(next.ts)}`).toString('base64') } } : {}),
  };
}

/** micros turns a `seconds.micros` timestamp into an integer count of microseconds. */
function micros(ts: string): number {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

/** decodeCursor reads a `next_ts:{micros}` cursor (base64, as Slack's) or answers `invalid_cursor`. */
function decodeCursor(cursor: string): number {
  const match = /^next_ts:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match?.[1]) throw new SlackError('invalid_cursor');
  return Number(match[1]);
}
