import { redirectToSlack } from '@/lib/http/oauth-responses';
import { publicRoute } from '@/lib/http/web-route';
import { beginSignIn } from '@/lib/slack/sign-in';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in: "Sign in with Slack" — 302 to Slack's OpenID Connect authorize page. */
export const GET = publicRoute(async () => redirectToSlack('sign-in', await beginSignIn()));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
