// "Sign in with Slack" (OpenID Connect) for the dashboard: authorize at Slack's OpenID page, then
// openid.connect.token and openid.connect.userInfo through SLACK_API_URL. Only members of installed
// workspaces get in.
import { syncMember } from '../auth/members';
import { safeReturnPath } from '../auth/return-to';
import { db } from '../db';
import { env } from '../env';
import type { User } from '../generated/prisma/client';
import { slackClient } from './client';
import { acceptCallback, callSlackForOAuth, type OAuthCallback } from './oauth-callback';
import { OAuthFlowError } from './oauth-flow-error';
import { issueState } from './oauth-state';
import { SIGN_IN_SCOPES } from './scopes';

/** signInRedirectUri is where Slack's OpenID page sends the browser back. */
export function signInRedirectUri(): string {
  return `${env().appUrl}/api/slack/sign-in/callback`;
}

/**
 * beginSignIn returns Slack's OpenID authorize URL and the nonce that binds its state to this browser;
 * `next`, when it is a path of this app, is where the browser lands afterwards.
 */
export async function beginSignIn(next?: string | null): Promise<{ url: string; nonce: string }> {
  const { slack } = env();
  const { state, nonce } = await issueState('sign-in', new Date(), safeReturnPath(next));
  const url = new URL('/openid/connect/authorize', new URL(slack.authorizeUrl).origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    scope: SIGN_IN_SCOPES.join(' '),
    client_id: slack.clientId,
    state,
    nonce,
    redirect_uri: signInRedirectUri(),
  }).toString();
  return { url: url.toString(), nonce };
}

interface OpenIdUserInfo {
  'https://slack.com/user_id'?: string;
  'https://slack.com/team_id'?: string;
  name?: string;
  email?: string;
}

/** completeSignIn verifies the callback, identifies the person through Slack and returns their member record and the path kept for them. */
export async function completeSignIn(callback: OAuthCallback): Promise<User & { returnTo: string | null }> {
  const { code, returnTo } = await acceptCallback('sign-in', callback);
  const { slack } = env();
  const tokens = await callSlackForOAuth(() =>
    slackClient().openid.connect.token({ client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: signInRedirectUri() }),
  );
  if (!tokens.access_token) throw new OAuthFlowError('slack_error', 'no access token');
  const accessToken = tokens.access_token;
  const info = (await callSlackForOAuth(() => slackClient(accessToken).openid.connect.userInfo())) as OpenIdUserInfo;
  const teamId = info['https://slack.com/team_id'];
  const slackUserId = info['https://slack.com/user_id'];
  if (!teamId || !slackUserId) throw new OAuthFlowError('slack_error', 'userInfo without team or user');
  const workspace = await db().workspace.findUnique({ where: { id: teamId }, include: { installation: true } });
  if (!workspace?.installation) throw new OAuthFlowError('not_installed', teamId);
  const member = await syncMember({ teamId, slackUserId, fallbackName: info.name, fallbackEmail: info.email ?? null });
  return { ...member, returnTo };
}
