import { APP_ID } from './directory';
import type { EmulatorState } from './state';

/** InstallInput is what a user approved on the consent page. */
export interface InstallInput {
  teamId: string;
  userId: string;
  botScopes: string[];
  userScopes: string[];
}

/**
 * installApp installs (or reinstalls) the app into a workspace and returns the `oauth.v2.access` body:
 * a new bot token (earlier ones keep working until revoked) and, with user scopes, a user token.
 */
export function installApp(state: EmulatorState, input: InstallInput): Record<string, unknown> & { ok: boolean } {
  const ws = state.directory.workspace(input.teamId);
  if (!ws) throw new Error(`unknown workspace ${input.teamId}`);
  const installation = state.directory.install(input.teamId, input.userId, input.botScopes, state.now());
  const rotate = state.config.tokenRotation;
  const bot = state.credentials.issueToken({ kind: 'bot', teamId: ws.id, userId: installation.botUserId, scopes: installation.scopes, rotate });
  const authedUser: Record<string, unknown> = { id: input.userId };
  if (input.userScopes.length > 0) {
    const user = state.credentials.issueToken({ kind: 'user', teamId: ws.id, userId: input.userId, scopes: new Set(input.userScopes), rotate });
    Object.assign(authedUser, {
      scope: input.userScopes.join(','),
      access_token: user.record.token,
      token_type: 'user',
      ...(user.refreshToken ? { refresh_token: user.refreshToken, expires_in: user.expiresIn } : {}),
    });
  }
  return {
    ok: true,
    app_id: APP_ID,
    authed_user: authedUser,
    scope: [...installation.scopes].join(','),
    token_type: 'bot',
    access_token: bot.record.token,
    bot_user_id: installation.botUserId,
    team: { id: ws.id, name: ws.name },
    enterprise: null,
    is_enterprise_install: false,
    ...(bot.refreshToken ? { refresh_token: bot.refreshToken, expires_in: bot.expiresIn } : {}),
  };
}
