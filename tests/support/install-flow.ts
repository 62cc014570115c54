// Installs Klaxon into an emulated workspace, and signs members in, the way a browser does: start → consent
// on the emulator → callback.
import { GET as install } from '@/app/api/slack/install/route';
import { GET as oauthRedirect } from '@/app/api/slack/oauth_redirect/route';
import { GET as signInCallback } from '@/app/api/slack/sign-in/callback/route';
import { GET as signInStart } from '@/app/api/slack/sign-in/route';
import { env } from '@/lib/env';
import { answerConsent, CookieJar } from './slack-sandbox';

/** installWorkspace runs the whole install flow and returns the signed-in browser's cookie jar. */
export async function installWorkspace(teamId: string, userId?: string, jar = new CookieJar()): Promise<CookieJar> {
  const start = await install(jar.request(`${env().appUrl}/api/slack/install`));
  jar.store(start);
  const callback = await answerConsent(start.headers.get('location')!, { teamId, userId });
  const done = await oauthRedirect(jar.request(callback));
  if (done.status !== 303 || new URL(done.headers.get('location')!).pathname !== `/w/${teamId}`) {
    throw new Error(`install failed: ${done.headers.get('location')}`);
  }
  jar.store(done);
  return jar;
}

/** signInMember signs a workspace member in through "Sign in with Slack" and returns the browser's jar. */
export async function signInMember(teamId: string, userId: string, jar = new CookieJar()): Promise<CookieJar> {
  const start = await signInStart(jar.request(`${env().appUrl}/api/slack/sign-in`));
  jar.store(start);
  const callback = await answerConsent(start.headers.get('location')!, { teamId, userId });
  const done = await signInCallback(jar.request(callback));
  if (done.status !== 303 || new URL(done.headers.get('location')!).pathname !== `/w/${teamId}`) {
    throw new Error(`sign-in failed: ${done.headers.get('location')}`);
  }
  jar.store(done);
  return jar;
}
