import { redirectToSlack } from '@/lib/http/oauth-responses';
import { publicRoute } from '@/lib/http/web-route';
import { beginSignIn } from '@/lib/slack/sign-in';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/slack/sign-in[?next=/w/…]: "Sign in with Slack" — 302 to Slack's OpenID Connect authorize page; the browser comes back to `next`. */
export const GET = publicRoute(async ({ head }) => redirectToSlack('sign-in', await beginSignIn(new URL(head.url).searchParams.get('next'))));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
