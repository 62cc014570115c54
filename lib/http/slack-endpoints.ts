// The Slack endpoints as plain functions of a web Request: verify, parse, hand to lib/slack, answer fast,
// and pass the slow follow-up work to `defer` (Next's after() in the app; inline in tests).
import { receiveSlackEvent, slackEventEnvelopeSchema } from '../slack/events';
import { runSlashCommand } from '../slack/commands';
import { handleInteraction } from '../slack/interactions';
import { slackRequestError } from './slack-errors';
import { readSlackRequest } from './slack-request';

/** Defer runs work after the HTTP answer has been sent. */
export type Defer = (work: () => Promise<void>) => void;

function deferSafely(defer: Defer, what: string, work: (() => Promise<void>) | null): void {
  if (work) defer(() => work().catch((error: unknown) => console.error(`${what} failed:`, error)));
}

/** slackEventsEndpoint serves POST /api/slack/events. */
export async function slackEventsEndpoint(request: Request, defer: Defer): Promise<Response> {
  try {
    const { rawBody } = await readSlackRequest(request);
    const receipt = await receiveSlackEvent(slackEventEnvelopeSchema.parse(JSON.parse(rawBody)));
    deferSafely(defer, 'Slack event handling', receipt.afterResponse);
    return Response.json(receipt.body);
  } catch (error) {
    return slackRequestError(error);
  }
}

/** slackInteractionsEndpoint serves POST /api/slack/interactions. */
export async function slackInteractionsEndpoint(request: Request, defer: Defer): Promise<Response> {
  try {
    const { rawBody } = await readSlackRequest(request);
    const result = await handleInteraction(new URLSearchParams(rawBody).get('payload'));
    deferSafely(defer, 'Slack interaction follow-up', result.afterResponse);
    return result.body ? Response.json(result.body) : new Response(null, { status: 200 });
  } catch (error) {
    return slackRequestError(error);
  }
}

/** slackCommandsEndpoint serves POST /api/slack/commands (the /klaxon slash command). */
export async function slackCommandsEndpoint(request: Request): Promise<Response> {
  try {
    const { rawBody } = await readSlackRequest(request);
    const form = new URLSearchParams(rawBody);
    const answer = await runSlashCommand({
      teamId: form.get('team_id') ?? '',
      userId: form.get('user_id') ?? '',
      userName: form.get('user_name') ?? undefined,
      text: form.get('text') ?? '',
    });
    return Response.json(answer);
  } catch (error) {
    return slackRequestError(error);
  }
}
