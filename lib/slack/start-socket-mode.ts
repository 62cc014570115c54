// Socket Mode (SLACK_APP_TOKEN set): Slack's events, clicks and commands over one outbound WebSocket instead of
// HTTP, for installs that have no public URL. @slack/socket-mode keeps the connection (apps.connections.open,
// `hello`, pings, a new connection after Slack's `disconnect`); each envelope is unwrapped here and handed to
// receiveSlackRequest, as the HTTP endpoints hand theirs, acked with the same answer where Slack takes a payload,
// and its follow-up work runs after the ack, as after an HTTP answer.
import { SocketModeClient } from '@slack/socket-mode';
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { bindLogContext, log, withLogContext } from '../log';
import { metrics } from '../metrics';
import { slackSdkLogger } from './client';
import { receiveSlackRequest, type SlackAnswer, type SlackRequest, type SlackRequestKind } from './receive-slack-request';

/** FOLLOW_UP_GRACE_MS bounds how long a stopping receiver waits for follow-up work (as the HTTP server waits for requests). */
const FOLLOW_UP_GRACE_MS = 10_000;

const KINDS: Record<string, SlackRequestKind> = { events_api: 'events', interactive: 'interactions', slash_commands: 'commands' };

/** SocketEnvelope is what @slack/socket-mode emits as `slack_event` for each envelope Slack sends. */
interface SocketEnvelope {
  ack(payload?: Record<string, unknown>): Promise<void>;
  envelope_id: string;
  type: string;
  body: unknown;
  retry_num?: number;
  retry_reason?: string;
  accepts_response_payload?: boolean;
}

/** SocketModeReceiver is a running Socket Mode connection. */
export interface SocketModeReceiver {
  /** stop closes the connection (no envelope is taken after it), then waits for follow-up work, at most 10 s. */
  stop(): Promise<void>;
}

// A slash command arrives as an object of the form's fields; anything not a string is not a field Slack sends.
function commandForm(body: unknown): URLSearchParams {
  const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
  return new URLSearchParams(fields.filter((field): field is [string, string] => typeof field[1] === 'string'));
}

// Slack numbers a first delivery 0 (HTTP sends no retry header at all): both mean "not a retry".
function unwrap(kind: SlackRequestKind, envelope: SocketEnvelope): SlackRequest {
  if (kind === 'interactions') return { kind, payload: envelope.body };
  if (kind === 'commands') return { kind, form: commandForm(envelope.body) };
  const retryNum = Number.isInteger(envelope.retry_num) && envelope.retry_num! > 0 ? envelope.retry_num! : null;
  return { kind, envelope: envelope.body, retry: { retryNum, retryReason: retryNum === null ? null : (envelope.retry_reason ?? null) } };
}

// Malformed input is acknowledged and dropped (a redelivery would be as malformed); any other failure is left
// unacknowledged, so Slack redelivers an event, as it does after an HTTP 5xx.
function isRefusal(error: unknown): boolean {
  return error instanceof ZodError || (error instanceof AppError && error.code === 'invalid_request');
}

async function answerEnvelope(envelope: SocketEnvelope, kind: SlackRequestKind, track: (work: () => Promise<void>) => void): Promise<void> {
  const started = performance.now();
  let answer: SlackAnswer;
  try {
    answer = await receiveSlackRequest(unwrap(kind, envelope));
  } catch (error) {
    if (!isRefusal(error)) {
      log().error({ err: error }, 'Slack envelope failed: not acknowledged, so Slack can deliver it again');
      return;
    }
    log().warn({ err: error }, 'Slack envelope not understood: acknowledged and dropped');
    answer = { body: undefined, afterResponse: null };
  }
  try {
    await envelope.ack(envelope.accepts_response_payload ? answer.body : undefined);
    metrics().slackAck.observe({ endpoint: kind }, (performance.now() - started) / 1000);
  } catch (error) {
    // The connection closed under the ack: Slack delivers the envelope again, and an event's redelivery is then
    // known (its receipt is stored), so the follow-up must still run here.
    log().warn({ err: error }, 'Slack envelope handled but its ack could not be sent');
  }
  if (answer.afterResponse) track(answer.afterResponse);
}

/**
 * startSocketMode opens Slack's Socket Mode connection with the app-level token and serves every envelope
 * through receiveSlackRequest; it resolves once Slack said `hello`, and throws when Slack refuses the token.
 */
export async function startSocketMode(options: { appToken: string; slackApiUrl: string }): Promise<SocketModeReceiver> {
  const client = new SocketModeClient({
    appToken: options.appToken,
    logger: slackSdkLogger('@slack/socket-mode'),
    clientOptions: { slackApiUrl: options.slackApiUrl },
  });
  const followUps = new Set<Promise<void>>();
  const track = (work: () => Promise<void>) => {
    const running: Promise<void> = bindLogContext(work)()
      .catch((error: unknown) => log().error({ err: error }, 'Slack follow-up failed'))
      .finally(() => followUps.delete(running));
    followUps.add(running);
  };
  client.on('slack_event', (envelope: SocketEnvelope) => {
    const kind = KINDS[envelope.type];
    // An envelope type Klaxon does not serve is acknowledged, so that Slack does not deliver it again.
    if (!kind) return void envelope.ack().catch(() => undefined);
    void withLogContext({ slackEnvelopeId: envelope.envelope_id, slackEnvelope: envelope.type }, () => answerEnvelope(envelope, kind, track));
  });
  await client.start();
  log().info('Slack Socket Mode connected: events, interactions and commands arrive over the WebSocket');
  return {
    stop: async () => {
      await client.disconnect();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, FOLLOW_UP_GRACE_MS)));
      await Promise.race([Promise.all(followUps), grace]);
      clearTimeout(timer);
    },
  };
}
