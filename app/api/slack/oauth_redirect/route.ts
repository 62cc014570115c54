import { syncMember } from '@/lib/auth/members';
import { SESSION_COOKIE, signIn } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { readCookie, redirectTo } from '@/lib/http/cookies';
import { clearStateCookie, oauthFailure, stateNonceOf } from '@/lib/http/oauth-responses';
import { completeInstall } from '@/lib/slack/install';

export const dynamic = 'force-dynamic';

/** GET /api/slack/oauth_redirect: Slack's callback after "Add to Slack"; signs the installer in. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  try {
    const installed = await completeInstall({
      code: params.get('code'),
      state: params.get('state'),
      error: params.get('error'),
      cookieNonce: stateNonceOf('install', request),
    });
    const member = await syncMember({ teamId: installed.teamId, slackUserId: installed.installerSlackUserId, isInstaller: true });
    const session = await signIn(member, readCookie(request, SESSION_COOKIE));
    return redirectTo(`${env().appUrl}/w/${installed.teamId}`, [session, clearStateCookie('install')]);
  } catch (error) {
    return oauthFailure('install', error);
  }
}
