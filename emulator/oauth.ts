import { APP_ID } from './directory';
import { str } from './http';
import { installApp } from './install';
import { signJwtHs256 } from './jwt';
import { SlackError, type MethodContext, type MethodSpec, type Result } from './method';
import type { EmulatorState } from './state';
import { avatar } from './workspace-methods';

/** oauthMethods exchange codes and refresh tokens: oauth.v2.access, openid.connect.token/userInfo. */
export const oauthMethods: Record<string, MethodSpec> = {
  'oauth.v2.access': { auth: 'none', handle: oauthV2Access },
  'openid.connect.token': { auth: 'none', handle: openidToken },
  'openid.connect.userInfo': { auth: 'user', scopes: () => ['openid'], handle: openidUserInfo },
};

/** checkClient verifies the app's credentials from the body or HTTP Basic auth. */
function checkClient({ state, params, req }: MethodContext): void {
  let clientId = str(params, 'client_id');
  let clientSecret = str(params, 'client_secret');
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Basic ')) {
    const [id, ...secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    clientId ??= id;
    clientSecret ??= secret.join(':');
  }
  if (clientId !== state.config.clientId) throw new SlackError('invalid_client_id');
  if (clientSecret !== state.config.clientSecret) throw new SlackError('bad_client_secret');
}

/** oauthV2Access exchanges an install code (or, with rotation, a refresh token) for tokens. */
function oauthV2Access(ctx: MethodContext): Result {
  checkClient(ctx);
  const { state, params } = ctx;
  const grantType = str(params, 'grant_type') ?? 'authorization_code';
  if (grantType === 'refresh_token') return refresh(state, str(params, 'refresh_token') ?? '');
  if (grantType !== 'authorization_code') throw new SlackError('invalid_grant_type');
  const code = consumeCode(ctx, 'oauth');
  return installApp(state, { teamId: code.teamId, userId: code.userId, botScopes: code.botScopes, userScopes: code.userScopes });
}

/** consumeCode redeems a code for this client and checks the redirect URI used at authorize time. */
function consumeCode(ctx: MethodContext, flow: 'oauth' | 'openid') {
  const code = ctx.state.credentials.consumeCode(str(ctx.params, 'code') ?? '', flow);
  if (!code || code.clientId !== ctx.state.config.clientId) throw new SlackError('invalid_code');
  if (code.redirectUri !== undefined && code.redirectUri !== str(ctx.params, 'redirect_uri')) throw new SlackError('bad_redirect_uri');
  return code;
}

/** refresh redeems a single-use refresh token for a new access token and refresh token. */
function refresh(state: EmulatorState, token: string): Result {
  if (!state.config.tokenRotation) throw new SlackError('invalid_refresh_token');
  const record = state.credentials.consumeRefresh(token);
  const ws = record && state.directory.workspace(record.teamId);
  if (!record || !ws?.installation?.active) throw new SlackError('invalid_refresh_token');
  const issued = state.credentials.issueToken({ kind: record.kind, teamId: record.teamId, userId: record.userId, scopes: record.scopes, rotate: true });
  return {
    ok: true,
    app_id: APP_ID,
    scope: [...record.scopes].join(','),
    token_type: record.kind,
    access_token: issued.record.token,
    ...(record.kind === 'bot' ? { bot_user_id: record.userId } : { user_id: record.userId }),
    team: { id: ws.id, name: ws.name },
    enterprise: null,
    is_enterprise_install: false,
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
  };
}

/** openidToken exchanges a Sign in with Slack code for a user token and an id_token (HS256, client secret). */
function openidToken(ctx: MethodContext): Result {
  checkClient(ctx);
  const { state } = ctx;
  const code = consumeCode(ctx, 'openid');
  const issued = state.credentials.issueToken({ kind: 'user', teamId: code.teamId, userId: code.userId, scopes: new Set(code.userScopes), rotate: false });
  const now = Math.floor(state.now() / 1000);
  const claims = {
    iss: 'https://slack.com',
    aud: state.config.clientId,
    exp: now + 3600,
    iat: now,
    auth_time: now,
    ...(code.nonce ? { nonce: code.nonce } : {}),
    at_hash: issued.record.token.slice(-22),
    ...identityClaims(state, code.teamId, code.userId, new Set(code.userScopes)),
  };
  return { ok: true, access_token: issued.record.token, token_type: 'Bearer', id_token: signJwtHs256(claims, state.config.clientSecret) };
}

/** openidUserInfo answers with the signed-in user's OpenID claims. */
function openidUserInfo({ state, token }: MethodContext): Result {
  return { ok: true, ...identityClaims(state, token.teamId, token.userId, token.scopes) };
}

/** identityClaims are the OpenID claims about a user; `email` and `profile` scopes gate their parts. */
function identityClaims(state: EmulatorState, teamId: string, userId: string, scopes: Set<string>): Record<string, unknown> {
  const ws = state.directory.workspace(teamId);
  const user = state.directory.user(teamId, userId);
  if (!ws || !user) throw new SlackError('invalid_auth');
  const [givenName = '', ...family] = user.realName.split(' ');
  return {
    sub: user.id,
    'https://slack.com/user_id': user.id,
    'https://slack.com/team_id': ws.id,
    ...(scopes.has('email') ? { email: user.email, email_verified: true } : {}),
    ...(scopes.has('profile')
      ? {
          name: user.realName,
          picture: avatar(state.baseUrl, user.id),
          given_name: givenName,
          family_name: family.join(' '),
          locale: 'en-US',
          'https://slack.com/team_name': ws.name,
          'https://slack.com/team_domain': ws.domain,
          'https://slack.com/user_image_48': avatar(state.baseUrl, user.id),
          'https://slack.com/team_image_68': avatar(state.baseUrl, ws.id),
        }
      : {}),
  };
}
