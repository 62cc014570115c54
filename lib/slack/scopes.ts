// The bot scopes Klaxon asks for at install (README "Slack scopes" says why each is needed), and the
// OpenID Connect scopes of dashboard sign-in.

/** BOT_SCOPES are the fewest bot scopes Klaxon works with; keep slack-app-manifest.yml in step. */
export const BOT_SCOPES = [
  'chat:write',
  'reactions:write',
  'channels:read',
  'groups:read',
  'channels:join',
  'channels:history',
  'groups:history',
  'users:read',
  'im:write',
  'usergroups:write',
  'commands',
] as const;

/** SIGN_IN_SCOPES are requested by "Sign in with Slack". */
export const SIGN_IN_SCOPES = ['openid', 'profile', 'email'] as const;
