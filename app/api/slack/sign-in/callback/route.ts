import { SESSION_COOKIE, signIn } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { readCookie, redirectTo } from '@/lib/http/cookies';
import { clearStateCookie, oauthFailure, stateNonceOf } from '@/lib/http/oauth-responses';
import { completeSignIn } from '@/lib/slack/sign-in';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in/callback: Slack's OpenID callback; adds the workspace identity to the session. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  try {
    const member = await completeSignIn({
      code: params.get('code'),
      state: params.get('state'),
      error: params.get('error'),
      cookieNonce: stateNonceOf('sign-in', request),
    });
    const session = await signIn(member, readCookie(request, SESSION_COOKIE));
    return redirectTo(`${env().appUrl}/w/${member.workspaceId}`, [session, clearStateCookie('sign-in')]);
  } catch (error) {
    return oauthFailure('sign-in', error);
  }
}
