import { after } from 'next/server';
import { slackInteractions } from '@/lib/http/slack-endpoints';
import { webRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/slack/interactions: verified button clicks and modal submissions, answered well within 3 s. */
export const POST = webRoute(slackInteractions, after);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
