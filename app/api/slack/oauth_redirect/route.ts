import { syncMember } from '@/lib/auth/members';
import { finishOAuth } from '@/lib/http/oauth-responses';
import { publicRoute } from '@/lib/http/web-route';
import { completeInstall } from '@/lib/slack/install';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/slack/oauth_redirect: Slack's callback after "Add to Slack"; stores the install, signs the installer in. */
export const GET = publicRoute(({ head }) =>
  finishOAuth(head, 'install', async (callback) => {
    const installed = await completeInstall(callback);
    return syncMember({ teamId: installed.teamId, slackUserId: installed.installerSlackUserId, isInstaller: true });
  }),
);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
