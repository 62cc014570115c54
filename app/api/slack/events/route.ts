import { after } from 'next/server';
import { slackEventsEndpoint } from '@/lib/http/slack-endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/slack/events: verified, deduplicated, acknowledged at once; the work happens after the answer. */
export function POST(request: Request): Promise<Response> {
  return slackEventsEndpoint(request, after);
}
