import { after } from 'next/server';
import { slackEvents } from '@/lib/http/slack-endpoints';
import { webRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/slack/events: verified, deduplicated, acknowledged at once; the work happens after the answer. */
export const POST = webRoute(slackEvents, after);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
