import { slackCommands } from '@/lib/http/slack-endpoints';
import { webRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/slack/commands: the verified /klaxon slash command, answered ephemerally. */
export const POST = webRoute(slackCommands);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
