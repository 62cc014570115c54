import { finishOAuth } from '@/lib/http/oauth-responses';
import { publicRoute } from '@/lib/http/web-route';
import { completeSignIn } from '@/lib/slack/sign-in';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in/callback: Slack's OpenID callback; adds the workspace identity to the session. */
export const GET = publicRoute(({ head }) => finishOAuth(head, 'sign-in', completeSignIn));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
