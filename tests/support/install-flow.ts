// Installs Klaxon into an emulated workspace the way a browser does: Add to Slack → consent → callback.
import { GET as install } from '@/app/api/slack/install/route';
import { GET as oauthRedirect } from '@/app/api/slack/oauth_redirect/route';
import { answerConsent, CookieJar } from './slack-sandbox';

/** installWorkspace runs the whole install flow and returns the signed-in browser's cookie jar. */
export async function installWorkspace(teamId: string, userId?: string, jar = new CookieJar()): Promise<CookieJar> {
  const start = await install();
  jar.store(start);
  const callback = await answerConsent(start.headers.get('location')!, { teamId, userId });
  const done = await oauthRedirect(jar.request(callback));
  if (done.status !== 303 || new URL(done.headers.get('location')!).pathname !== `/w/${teamId}`) {
    throw new Error(`install failed: ${done.headers.get('location')}`);
  }
  jar.store(done);
  return jar;
}
