import { parseBlocksParam, withGeneratedIds } from './block-kit';
import type { EmulatorState } from './state';

/**
 * postToResponseUrl applies a POST to a `response_url` like Slack: `delete_original`, `replace_original`,
 * `response_type: in_channel` (a new message), otherwise an ephemeral message to the user. 5 uses in 30 min.
 */
export function postToResponseUrl(state: EmulatorState, id: string, body: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
  const record = state.credentials.useResponseUrl(id);
  if (!record) return { status: 404, body: { ok: false, error: 'expired_url' } };
  state.responsePosts.push({ teamId: record.teamId, channelId: record.channelId, body, at: new Date(state.now()).toISOString() });
  const ws = state.directory.workspace(record.teamId);
  const parsed = parseBlocksParam(body.blocks);
  if (parsed === 'invalid') return { status: 400, body: { ok: false, error: 'invalid_blocks_format' } };
  const blocks = parsed ? withGeneratedIds(parsed) : undefined;
  const text = typeof body.text === 'string' ? body.text : '';
  const original = record.messageTs ? state.store.find(record.channelId, record.messageTs) : undefined;
  if (body.delete_original === true && original) {
    state.store.remove(original.channelId, original.ts);
  } else if (body.replace_original === true && original) {
    original.text = text;
    original.blocks = blocks;
  } else if (body.response_type === 'in_channel' && ws) {
    state.store.post({ teamId: ws.id, channelId: record.channelId, userId: ws.botUserId, botId: ws.botId, text, blocks, threadTs: typeof body.thread_ts === 'string' ? body.thread_ts : undefined });
  } else {
    state.store.postEphemeral({ teamId: record.teamId, channelId: record.channelId, userId: record.userId, text, blocks });
  }
  return { status: 200, body: { ok: true } };
}
