import { after } from 'next/server';
import { slackEvents } from '@/lib/http/slack-endpoints';
import { webRoute } from '@/lib/http/web-route';

export const dynamic = 'force-dynamic';

/** POST /api/slack/events: verified, deduplicated, acknowledged at once; the work happens after the answer. */
export const POST = webRoute(slackEvents, after);
