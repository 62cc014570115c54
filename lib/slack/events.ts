// Slack Events API: the challenge handshake, deduplication by event_id (Slack retries up to 3 times), and
// the handling of each event after the HTTP answer has been sent.
import { z } from 'zod';
import { sqlPool } from '../db';
import { log } from '../log';
import { publishAppHome } from './app-home';
import { applyChannelEvent, CHANNEL_EVENT_TYPES } from './channel-events';
import { markWorkspaceUninstalled } from './uninstall';

const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event_time: z.number().int().positive(),
  event: z.looseObject({ type: z.string().min(1) }),
});

/** slackEventEnvelopeSchema accepts the two envelopes Slack posts to the events URL. */
export const slackEventEnvelopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string().min(1) }),
  eventCallbackSchema,
  z.looseObject({ type: z.literal('app_rate_limited'), team_id: z.string(), minute_rate_limited: z.number() }),
]);

type EventCallback = z.infer<typeof eventCallbackSchema>;

/** EventReceipt says what to answer Slack now and what (if anything) to do after answering. */
export interface EventReceipt {
  body: Record<string, unknown>;
  afterResponse: (() => Promise<void>) | null;
}

// On the path Slack times: plain SQL on the shared pool (Prisma's per-query overhead is most of its cost).
async function isFirstDelivery(envelope: EventCallback): Promise<boolean> {
  const { rowCount } = await sqlPool().query(
    'INSERT INTO slack_event_receipts (event_id, workspace_id, type, received_at) VALUES ($1, $2, $3, now()) ON CONFLICT (event_id) DO NOTHING',
    [envelope.event_id, envelope.team_id, envelope.event.type],
  );
  return rowCount === 1;
}

async function handleEvent(envelope: EventCallback): Promise<void> {
  const eventTime = new Date(envelope.event_time * 1000);
  switch (envelope.event.type) {
    case 'app_uninstalled':
      await markWorkspaceUninstalled(envelope.team_id, eventTime);
      return;
    case 'tokens_revoked': {
      const bots = (envelope.event as { tokens?: { bot?: unknown[] } }).tokens?.bot ?? [];
      if (bots.length > 0) await markWorkspaceUninstalled(envelope.team_id, eventTime);
      return;
    }
    case 'app_home_opened': {
      const { user, tab } = envelope.event as { user?: string; tab?: string };
      if (user && tab !== 'messages') await publishAppHome(envelope.team_id, user);
      return;
    }
    default:
      if (CHANNEL_EVENT_TYPES.has(envelope.event.type)) await applyChannelEvent(envelope.team_id, envelope.event);
      return; // Unknown or unsubscribed event types are acknowledged and ignored.
  }
}

/** SlackRetry is how Slack marks a redelivery (X-Slack-Retry-Num / -Reason); null on the first attempt. */
export interface SlackRetry {
  retryNum: number | null;
  retryReason: string | null;
}

/**
 * receiveSlackEvent answers an envelope. The receipt insert is the dedupe: a redelivery of an event_id
 * already received (Slack retries when an answer was late or lost) is acknowledged at once and not handled
 * again; a retry whose first attempt never reached us is handled as new.
 */
export async function receiveSlackEvent(
  envelope: z.infer<typeof slackEventEnvelopeSchema>,
  retry: SlackRetry = { retryNum: null, retryReason: null },
): Promise<EventReceipt> {
  if (envelope.type === 'url_verification') return { body: { challenge: envelope.challenge }, afterResponse: null };
  if (envelope.type === 'app_rate_limited') {
    log().warn({ workspace: envelope.team_id, minute: envelope.minute_rate_limited }, 'Slack rate-limited the events of a workspace');
    return { body: { ok: true }, afterResponse: null };
  }
  const event = { eventId: envelope.event_id, eventType: envelope.event.type, retryNum: retry.retryNum, retryReason: retry.retryReason };
  if (!(await isFirstDelivery(envelope))) {
    log().info(event, 'Slack event already received: acknowledged, not handled again');
    return { body: { ok: true, duplicate: true }, afterResponse: null };
  }
  log().debug(event, retry.retryNum === null ? 'Slack event received' : 'Slack retry of an event not received before: handling it');
  return { body: { ok: true }, afterResponse: () => handleEvent(envelope) };
}
