// The delivery worker's conversation with Slack: post, update, reply, join, and find a message it may
// already have posted (each post carries the delivery id in Slack message metadata for that purpose).
import type { WebClient } from '@slack/web-api';
import type { Block } from '../blocks/block-kit';

/** METADATA_EVENT_TYPE marks Klaxon's alert messages in Slack's message metadata. */
export const METADATA_EVENT_TYPE = 'klaxon_alert';

type MessagesClient = Pick<WebClient, 'chat' | 'conversations'>;

/** postAlertMessage posts a rendered alert and returns the message ts. */
export async function postAlertMessage(
  client: MessagesClient,
  channel: string,
  deliveryId: string,
  message: { text: string; blocks: Block[] },
): Promise<string> {
  const answer = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    metadata: { event_type: METADATA_EVENT_TYPE, event_payload: { delivery_id: deliveryId } },
  });
  return answer.ts!;
}

/** updateAlertMessage replaces a posted alert message with its current rendering. */
export async function updateAlertMessage(client: MessagesClient, channel: string, ts: string, message: { text: string; blocks: Block[] }): Promise<void> {
  await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
}

/** postThreadReply posts a short note in the thread of an alert message. */
export async function postThreadReply(client: MessagesClient, channel: string, threadTs: string, text: string): Promise<void> {
  await client.chat.postMessage({ channel, thread_ts: threadTs, text, unfurl_links: false });
}

/** PERMALINK_PLACEHOLDER in a reply's text is replaced by the permalink of the message it replies to. */
export const PERMALINK_PLACEHOLDER = '{{permalink}}';

/** messagePermalink asks Slack for a message's permalink. */
export async function messagePermalink(client: MessagesClient, channel: string, ts: string): Promise<string> {
  const answer = await client.chat.getPermalink({ channel, message_ts: ts });
  return answer.permalink!;
}

/** addReaction adds a reaction to a message; one that is already there counts as added (retries are safe). */
export async function addReaction(client: Pick<WebClient, 'reactions'>, channel: string, ts: string, name: string): Promise<void> {
  try {
    await client.reactions.add({ channel, timestamp: ts, name });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code !== 'already_reacted') throw error;
  }
}

/** joinChannel makes the bot a member of a public channel. */
export async function joinChannel(client: MessagesClient, channel: string): Promise<void> {
  await client.conversations.join({ channel });
}

/**
 * findPostedMessage looks through the channel's recent history for the message of a delivery, so that an
 * attempt that died after Slack accepted the post is completed instead of posted twice.
 */
export async function findPostedMessage(client: MessagesClient, channel: string, deliveryId: string, since: Date): Promise<string | null> {
  let cursor: string | undefined;
  do {
    const page = await client.conversations.history({
      channel,
      oldest: (since.getTime() / 1000).toFixed(6),
      include_all_metadata: true,
      limit: 200,
      cursor,
    });
    for (const message of page.messages ?? []) {
      const payload: Record<string, unknown> = { ...message.metadata?.event_payload };
      if (message.metadata?.event_type === METADATA_EVENT_TYPE && payload.delivery_id === deliveryId) return message.ts ?? null;
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return null;
}
