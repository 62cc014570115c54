// Slack's three endpoints as pipeline endpoints: verified by signature, handed to lib/slack as plain objects,
// answered fast (Slack allows 3 s), with the slow follow-up work deferred until after the answer. The same
// definitions serve app/api/slack/*/route.ts and the node:http fast path.
import { AppError } from '../errors';
import { metrics } from '../metrics';
import { runSlashCommand } from '../slack/commands';
import { receiveSlackEvent, slackEventEnvelopeSchema } from '../slack/events';
import { readSearchParams } from '../schemas/read-search-params';
import { refuseUnstorableText } from '../schemas/storable-text';
import { handleInteraction } from '../slack/interactions';
import type { Endpoint } from './pipeline';
import { parseJsonText } from './read-json';
import { slackRequestError } from './slack-errors';
import { readSlackRequest, type VerifiedSlackRequest } from './slack-request';
import type { PlainResponse } from './to-response';

type SlackEndpoint = Endpoint<VerifiedSlackRequest>;

function slackEndpoint(name: 'events' | 'interactions' | 'commands', handle: SlackEndpoint['handle']): SlackEndpoint {
  return {
    access: readSlackRequest,
    handle,
    mapError: slackRequestError,
    observe: ({ seconds }) => metrics().slackAck.observe({ endpoint: name }, seconds),
  };
}

const ok = (body?: unknown): PlainResponse => ({ status: 200, headers: {}, body });

/** slackEvents serves POST /api/slack/events. */
export const slackEvents = slackEndpoint('events', async (slack, request) => {
  const receipt = await receiveSlackEvent(slackEventEnvelopeSchema.parse(parseJsonText(slack.rawBody, 'The body')), slack);
  if (receipt.afterResponse) request.defer('Slack event handling', receipt.afterResponse);
  return ok(receipt.body);
});

/** slackInteractions serves POST /api/slack/interactions. */
export const slackInteractions = slackEndpoint('interactions', async (slack, request) => {
  const payload = new URLSearchParams(slack.rawBody).get('payload');
  if (!payload) throw new AppError('invalid_request', 'payload: is required');
  const result = await handleInteraction(parseJsonText(payload, 'payload'));
  if (result.afterResponse) request.defer('Slack interaction follow-up', result.afterResponse);
  return ok(result.body ?? undefined);
});

/** slackCommands serves POST /api/slack/commands (the /klaxon slash command). */
export const slackCommands = slackEndpoint('commands', async (slack) => {
  const form = new URLSearchParams(slack.rawBody);
  refuseUnstorableText(readSearchParams(form), 'The command');
  return ok(
    await runSlashCommand({
      teamId: form.get('team_id') ?? '',
      userId: form.get('user_id') ?? '',
      userName: form.get('user_name') ?? undefined,
      text: form.get('text') ?? '',
    }),
  );
});
