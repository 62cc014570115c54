// The HTTP side of the install and sign-in round trips: the browser-binding state cookie, the redirect to
// Slack, and the redirect to a failure page that explains what happened.
import { cookieSpec, type CookieSpec } from '../auth/sessions';
import { env } from '../env';
import { OAuthFlowError } from '../slack/oauth-flow-error';
import { STATE_TTL_MS, stateCookieName, type OAuthPurpose } from '../slack/oauth-state';
import { readCookie, redirectTo } from './cookies';

function stateCookie(purpose: OAuthPurpose, value: string, expires: Date): CookieSpec {
  return cookieSpec(stateCookieName(purpose), value, expires, '/api/slack');
}

/** redirectToSlack sends the browser to Slack's consent page with the state cookie set. */
export function redirectToSlack(purpose: OAuthPurpose, flow: { url: string; nonce: string }): Response {
  return redirectTo(flow.url, [stateCookie(purpose, flow.nonce, new Date(Date.now() + STATE_TTL_MS))], 302);
}

/** stateNonceOf reads the state cookie that the flow's start set in this browser. */
export function stateNonceOf(purpose: OAuthPurpose, request: Request): string | undefined {
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
  else console.error(`Unexpected error in the Slack ${purpose} callback:`, error instanceof Error ? error.message : error);
  const page = `${env().appUrl}/oauth/failed?${new URLSearchParams({ flow: purpose, reason }).toString()}`;
  return redirectTo(page, [clearStateCookie(purpose)]);
}
