import { after } from 'next/server';
import { slackInteractions } from '@/lib/http/slack-endpoints';
import { webRoute } from '@/lib/http/web-route';

export const dynamic = 'force-dynamic';

/** POST /api/slack/interactions: verified button clicks and modal submissions, answered well within 3 s. */
export const POST = webRoute(slackInteractions, after);
