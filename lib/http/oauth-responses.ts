// The HTTP side of the install and sign-in round trips: the browser-binding state cookie, the redirect to
// Slack, and the redirect to a failure page that explains what happened.
import { landingPath } from '../auth/return-to';
import { cookieSpec, SESSION_COOKIE, signIn, type CookieSpec } from '../auth/sessions';
import { env } from '../env';
import type { OAuthCallback } from '../slack/oauth-callback';
import { OAuthFlowError } from '../slack/oauth-flow-error';
import { STATE_TTL_MS, stateCookieName, type OAuthPurpose } from '../slack/oauth-state';
import { log } from '../log';
import { readCookie, redirectTo } from './cookies';
import type { RequestHead } from './request-head';

function stateCookie(purpose: OAuthPurpose, value: string, expires: Date): CookieSpec {
  return cookieSpec(stateCookieName(purpose), value, expires, '/api/slack');
}

/** redirectToSlack sends the browser to Slack's consent page with the state cookie set. */
export function redirectToSlack(purpose: OAuthPurpose, flow: { url: string; nonce: string }): Response {
  return redirectTo(flow.url, [stateCookie(purpose, flow.nonce, new Date(Date.now() + STATE_TTL_MS))], 302);
}

/** stateNonceOf reads the state cookie that the flow's start set in this browser. */
export function stateNonceOf(purpose: OAuthPurpose, request: RequestHead): string | undefined {
  return readCookie(request, stateCookieName(purpose));
}

/** clearStateCookie expires the flow's state cookie once the round trip is over. */
export function clearStateCookie(purpose: OAuthPurpose): CookieSpec {
  return stateCookie(purpose, '', new Date(0));
}

/** oauthFailure answers a failed round trip with a redirect to the page explaining it; nothing was stored. */
export function oauthFailure(purpose: OAuthPurpose, error: unknown): Response {
  let reason = 'internal';
  if (error instanceof OAuthFlowError) reason = error.reason;
  else log().error({ err: error, flow: purpose }, 'Unexpected error in a Slack OAuth callback');
  const page = `${env().appUrl}/oauth/failed?${new URLSearchParams({ flow: purpose, reason }).toString()}`;
  return redirectTo(page, [clearStateCookie(purpose)]);
}

/**
 * finishOAuth serves a callback from Slack: `complete` turns it into the member to sign in; the browser then
 * lands on the page it set out from (a path of that member's workspace kept with the state), else on that
 * member's workspace, or on the page that explains what failed.
 */
export async function finishOAuth(
  request: RequestHead,
  purpose: OAuthPurpose,
  complete: (callback: OAuthCallback) => Promise<{ id: string; workspaceId: string; returnTo?: string | null }>,
): Promise<Response> {
  const params = new URL(request.url).searchParams;
  try {
    const member = await complete({
      code: params.get('code'),
      state: params.get('state'),
      error: params.get('error'),
      cookieNonce: stateNonceOf(purpose, request),
    });
    const session = await signIn(member, readCookie(request, SESSION_COOKIE));
    return redirectTo(`${env().appUrl}${landingPath(member.workspaceId, member.returnTo)}`, [session, clearStateCookie(purpose)]);
  } catch (error) {
    return oauthFailure(purpose, error);
  }
}
