import { finishOAuth } from '@/lib/http/oauth-responses';
import { completeSignIn } from '@/lib/slack/sign-in';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in/callback: Slack's OpenID callback; adds the workspace identity to the session. */
export function GET(request: Request): Promise<Response> {
  return finishOAuth(request, 'sign-in', completeSignIn);
}
