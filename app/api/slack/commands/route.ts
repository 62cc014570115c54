import { slackCommandsEndpoint } from '@/lib/http/slack-endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/slack/commands: the verified /klaxon slash command, answered ephemerally. */
export function POST(request: Request): Promise<Response> {
  return slackCommandsEndpoint(request);
}
