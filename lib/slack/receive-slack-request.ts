// What Slack sends, whichever way it arrives: a signed HTTP request to /api/slack/* or an envelope over Socket
// Mode. Both transports read their own framing, then hand one SlackRequest here, so an event, a click or a
// command is handled by the same code and answered with the same body (an HTTP body, or an ack's payload).
import { runSlashCommand } from './commands';
import { receiveSlackEvent, slackEventEnvelopeSchema, type SlackRetry } from './events';
import { handleInteraction } from './interactions';
import { readSearchParams } from '../schemas/read-search-params';
import { refuseUnstorableText } from '../schemas/storable-text';

/** SlackRequestKind names the three things Slack sends; they are also the `endpoint` label of klaxon_slack_ack_seconds. */
export type SlackRequestKind = 'events' | 'interactions' | 'commands';

/** SlackRequest is one verified request from Slack, unwrapped from its transport. */
export type SlackRequest =
  | { kind: 'events'; envelope: unknown; retry: SlackRetry }
  | { kind: 'interactions'; payload: unknown }
  | { kind: 'commands'; form: URLSearchParams };

/** SlackAnswer is what to answer Slack now (no body: an empty 200, or an ack without payload) and what to do after. */
export interface SlackAnswer {
  body: Record<string, unknown> | undefined;
  afterResponse: (() => Promise<void>) | null;
}

/**
 * receiveSlackRequest handles one request from Slack. Malformed input throws (a ZodError, or an AppError naming
 * the field): each transport decides how to refuse it.
 */
export async function receiveSlackRequest(request: SlackRequest): Promise<SlackAnswer> {
  switch (request.kind) {
    case 'events':
      return receiveSlackEvent(slackEventEnvelopeSchema.parse(request.envelope), request.retry);
    case 'interactions': {
      const result = await handleInteraction(request.payload);
      return { body: result.body ?? undefined, afterResponse: result.afterResponse };
    }
    case 'commands': {
      const { form } = request;
      refuseUnstorableText(readSearchParams(form), 'The command');
      const body = await runSlashCommand({
        teamId: form.get('team_id') ?? '',
        userId: form.get('user_id') ?? '',
        userName: form.get('user_name') ?? undefined,
        text: form.get('text') ?? '',
      });
      return { body, afterResponse: null };
    }
  }
}
