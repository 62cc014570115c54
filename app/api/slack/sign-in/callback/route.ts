import { finishOAuth } from '@/lib/http/oauth-responses';
import { publicRoute } from '@/lib/http/web-route';
import { completeSignIn } from '@/lib/slack/sign-in';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in/callback: Slack's OpenID callback; adds the workspace identity to the session. */
export const GET = publicRoute(({ head }) => finishOAuth(head, 'sign-in', completeSignIn));
