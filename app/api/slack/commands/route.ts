import { slackCommands } from '@/lib/http/slack-endpoints';
import { webRoute } from '@/lib/http/web-route';

export const dynamic = 'force-dynamic';

/** POST /api/slack/commands: the verified /klaxon slash command, answered ephemerally. */
export const POST = webRoute(slackCommands);
