import { syncMember } from '@/lib/auth/members';
import { finishOAuth } from '@/lib/http/oauth-responses';
import { completeInstall } from '@/lib/slack/install';

export const dynamic = 'force-dynamic';

/** GET /api/slack/oauth_redirect: Slack's callback after "Add to Slack"; stores the install, signs the installer in. */
export function GET(request: Request): Promise<Response> {
  return finishOAuth(request, 'install', async (callback) => {
    const installed = await completeInstall(callback);
    return syncMember({ teamId: installed.teamId, slackUserId: installed.installerSlackUserId, isInstaller: true });
  });
}
