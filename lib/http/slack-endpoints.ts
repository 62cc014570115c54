// Slack's three endpoints as pipeline endpoints: verified by signature, unwrapped from HTTP's framing and handed
// to lib/slack as plain objects (the same ones Socket Mode hands over), answered fast (Slack allows 3 s), with
// the slow follow-up work deferred until after the answer. The same definitions serve
// app/api/slack/*/route.ts and the node:http fast path.
import { AppError } from '../errors';
import { metrics } from '../metrics';
import { receiveSlackRequest, type SlackRequest, type SlackRequestKind } from '../slack/receive-slack-request';
import type { Endpoint } from './pipeline';
import { parseJsonText } from './read-json';
import { slackRequestError } from './slack-errors';
import { readSlackRequest, type VerifiedSlackRequest } from './slack-request';

type SlackEndpoint = Endpoint<VerifiedSlackRequest>;

function slackEndpoint(kind: SlackRequestKind, unwrap: (slack: VerifiedSlackRequest) => SlackRequest): SlackEndpoint {
  return {
    access: readSlackRequest,
    handle: async (slack, request) => {
      const answer = await receiveSlackRequest(unwrap(slack));
      if (answer.afterResponse) request.defer(`Slack ${kind} follow-up`, answer.afterResponse);
      return { status: 200, headers: {}, body: answer.body };
    },
    mapError: slackRequestError,
    observe: ({ seconds }) => metrics().slackAck.observe({ endpoint: kind }, seconds),
  };
}

/** slackEvents serves POST /api/slack/events. */
export const slackEvents = slackEndpoint('events', (slack) => ({
  kind: 'events',
  envelope: parseJsonText(slack.rawBody, 'The body'),
  retry: slack,
}));

/** slackInteractions serves POST /api/slack/interactions: the payload is JSON in the `payload` form field. */
export const slackInteractions = slackEndpoint('interactions', (slack) => {
  const payload = new URLSearchParams(slack.rawBody).get('payload');
  if (!payload) throw new AppError('invalid_request', 'payload: is required');
  return { kind: 'interactions', payload: parseJsonText(payload, 'payload') };
});

/** slackCommands serves POST /api/slack/commands (the /klaxon slash command, a form). */
export const slackCommands = slackEndpoint('commands', (slack) => ({ kind: 'commands', form: new URLSearchParams(slack.rawBody) }));
