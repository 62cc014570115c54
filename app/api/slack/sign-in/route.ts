import { redirectToSlack } from '@/lib/http/oauth-responses';
import { beginSignIn } from '@/lib/slack/sign-in';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in: "Sign in with Slack" — 302 to Slack's OpenID Connect authorize page. */
export async function GET(): Promise<Response> {
  return redirectToSlack('sign-in', await beginSignIn());
}
