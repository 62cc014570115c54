import { redirectToSlack } from '@/lib/http/oauth-responses';
import { publicRoute } from '@/lib/http/web-route';
import { beginInstall } from '@/lib/slack/install';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/slack/install: "Add to Slack" — 302 to Slack's consent page with a browser-bound, single-use state. */
export const GET = publicRoute(async () => redirectToSlack('install', await beginInstall()));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
