import { redirectToSlack } from '@/lib/http/oauth-responses';
import { beginInstall } from '@/lib/slack/install';

export const dynamic = 'force-dynamic';

/** GET /api/slack/install: "Add to Slack" — 302 to Slack's consent page with a browser-bound, single-use state. */
export async function GET(): Promise<Response> {
  return redirectToSlack('install', await beginInstall());
}
