import { after } from 'next/server';
import { slackInteractionsEndpoint } from '@/lib/http/slack-endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/slack/interactions: verified button clicks and modal submissions, answered well within 3 s. */
export function POST(request: Request): Promise<Response> {
  return slackInteractionsEndpoint(request, after);
}
