import { randomBytes } from 'node:crypto';
import { APP_ID, VERIFICATION_TOKEN } from './directory';
import type { EmulatorState } from './state';
import type { AppResponse } from './types';

/** SendEventOptions mark a delivery as a retry (with the original `eventId`) the way Slack retries. */
export interface SendEventOptions {
  retryNum?: number;
  retryReason?: string;
  eventId?: string;
}

/** SlashCommandOptions override the command name (default `/klaxon`). */
export interface SlashCommandOptions {
  command?: string;
}

/** sendEvent wraps `event` in Slack's `event_callback` envelope and delivers it to the app (signed HTTP or Socket Mode). */
export async function sendEvent(
  state: EmulatorState,
  teamId: string,
  event: Record<string, unknown>,
  options: SendEventOptions = {},
): Promise<AppResponse & { eventId: string }> {
  const ws = state.directory.workspace(teamId);
  if (!ws) throw new Error(`unknown workspace ${teamId}`);
  const eventId = options.eventId ?? `Ev${randomBytes(6).toString('hex').toUpperCase()}`;
  const eventTs = typeof event.event_ts === 'string' ? event.event_ts : state.store.nextTs();
  const envelope = {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: APP_ID,
    event: { ...event, event_ts: eventTs },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Number(eventTs)),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: ws.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(JSON.stringify({ et: event.type, tid: teamId, aid: APP_ID })).toString('base64url')}`,
  };
  const redelivery = options.retryNum !== undefined ? { attempt: options.retryNum, reason: options.retryReason ?? 'http_timeout' } : undefined;
  return { ...(await state.app.sendEvent(envelope, redelivery)), eventId };
}

/** sendUrlVerification sends the `url_verification` handshake; the app must echo the challenge. */
export async function sendUrlVerification(state: EmulatorState, challenge?: string): Promise<AppResponse & { challenge: string }> {
  const value = challenge ?? randomBytes(24).toString('base64url');
  const response = await state.app.sendEvent({ token: VERIFICATION_TOKEN, challenge: value, type: 'url_verification' });
  return { ...response, challenge: value };
}

/** sendSlashCommand delivers a slash command's fields (a signed form over HTTP), with a fresh response_url and trigger_id. */
export function sendSlashCommand(
  state: EmulatorState,
  input: { teamId: string; userId: string; channelId: string; text: string } & SlashCommandOptions,
): Promise<AppResponse> {
  const ws = state.directory.workspace(input.teamId);
  const user = state.directory.user(input.teamId, input.userId);
  const channel = state.directory.channel(input.teamId, input.channelId);
  if (!ws || !user || !channel) throw new Error(`unknown workspace, user or channel: ${input.teamId} ${input.userId} ${input.channelId}`);
  const responseId = state.credentials.issueResponseUrl({ teamId: ws.id, channelId: channel.id, userId: user.id });
  return state.app.sendCommand({
    token: VERIFICATION_TOKEN,
    team_id: ws.id,
    team_domain: ws.domain,
    channel_id: channel.id,
    channel_name: channel.isPrivate ? 'privategroup' : channel.name,
    user_id: user.id,
    user_name: user.name,
    command: input.command ?? '/klaxon',
    text: input.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: `${state.baseUrl}/_emulator/response/${responseId}`,
    trigger_id: state.credentials.issueTrigger(ws.id, user.id),
  });
}

/** uninstallApp revokes the workspace's tokens, removes the bot, and sends `app_uninstalled` and `tokens_revoked`. */
export async function uninstallApp(state: EmulatorState, teamId: string): Promise<{ appUninstalled: AppResponse; tokensRevoked: AppResponse }> {
  const revoked = state.credentials.revokeTeam(teamId);
  state.directory.uninstall(teamId);
  const appUninstalled = await sendEvent(state, teamId, { type: 'app_uninstalled' });
  const tokens = {
    oauth: [...new Set(revoked.filter((t) => t.kind === 'user').map((t) => t.userId))],
    bot: [...new Set(revoked.filter((t) => t.kind === 'bot').map((t) => t.userId))],
  };
  const tokensRevoked = await sendEvent(state, teamId, { type: 'tokens_revoked', tokens });
  return { appUninstalled, tokensRevoked };
}
