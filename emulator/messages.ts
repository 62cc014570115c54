import { APP_ID } from './directory';
import type { EphemeralMessage, StoredMessage } from './types';

/** MessagesSnapshot is the stored messages as plain JSON. */
export interface MessagesSnapshot {
  messages: StoredMessage[];
  ephemeral: EphemeralMessage[];
  lastMicros: number;
}

/** MessageStore keeps channel messages and ephemeral messages, and mints Slack message timestamps. */
export class MessageStore {
  private messages: StoredMessage[] = [];
  private ephemeral: EphemeralMessage[] = [];
  private lastMicros = 0;

  constructor(private readonly now: () => number) {}

  /** snapshot returns every message and the timestamp clock. */
  snapshot(): MessagesSnapshot {
    return structuredClone({ messages: this.messages, ephemeral: this.ephemeral, lastMicros: this.lastMicros });
  }

  /** restore replaces the messages with a snapshot's; new timestamps keep increasing past the restored ones. */
  restore(snapshot: MessagesSnapshot): void {
    this.messages = structuredClone(snapshot.messages);
    this.ephemeral = structuredClone(snapshot.ephemeral);
    this.lastMicros = Math.max(this.lastMicros, snapshot.lastMicros);
  }

  /** nextTs returns a unique, increasing `seconds.micros` timestamp like `1700000000.000100`. */
  nextTs(): string {
    this.lastMicros = Math.max(this.now() * 1000, this.lastMicros + 1);
    const seconds = Math.floor(this.lastMicros / 1e6);
    return `${seconds}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }

  /** post stores a new message and returns it. */
  post(input: Omit<StoredMessage, 'ts'>): StoredMessage {
    const message: StoredMessage = { ...input, ts: this.nextTs() };
    this.messages.push(message);
    return message;
  }

  /** postEphemeral stores a message only `userId` sees. */
  postEphemeral(input: Omit<EphemeralMessage, 'ts'>): EphemeralMessage {
    const message: EphemeralMessage = { ...input, ts: this.nextTs() };
    this.ephemeral.push(message);
    return message;
  }

  /** find returns one message of a channel by its ts. */
  find(channelId: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channelId === channelId && m.ts === ts);
  }

  /** inChannel lists a channel's messages (thread replies included) oldest first. */
  inChannel(channelId: string): StoredMessage[] {
    return this.messages.filter((m) => m.channelId === channelId);
  }

  /** ephemeralIn lists a channel's ephemeral messages, optionally only those for one user. */
  ephemeralIn(channelId: string, userId?: string): EphemeralMessage[] {
    return this.ephemeral.filter((m) => m.channelId === channelId && (userId === undefined || m.userId === userId));
  }

  /** remove deletes a message (a `delete_original` response). */
  remove(channelId: string, ts: string): void {
    this.messages = this.messages.filter((m) => !(m.channelId === channelId && m.ts === ts));
  }

  /** clear forgets every message. */
  clear(): void {
    this.messages = [];
    this.ephemeral = [];
  }

  /** topLevel lists a channel's messages without thread replies (as conversations.history does), newest first. */
  topLevel(channelId: string): StoredMessage[] {
    return this.messages.filter((m) => m.channelId === channelId && (!m.threadTs || m.threadTs === m.ts)).reverse();
  }

  /**
   * toSlack shapes a stored message the way Slack's API returns it (with thread metadata). `metadata` is
   * included unless `withMetadata` is false (conversations.history only returns it when asked).
   */
  toSlack(m: StoredMessage, withMetadata = true): Record<string, unknown> {
    const replies = this.messages.filter((r) => r.channelId === m.channelId && r.threadTs === m.ts && r.ts !== m.ts);
    const replyUsers = [...new Set(replies.map((r) => r.userId))];
    return {
      type: 'message',
      user: m.userId,
      text: m.text,
      ts: m.ts,
      team: m.teamId,
      ...(m.botId ? { bot_id: m.botId, app_id: APP_ID } : {}),
      ...(m.blocks ? { blocks: m.blocks } : {}),
      ...(m.threadTs ? { thread_ts: m.threadTs, parent_user_id: this.find(m.channelId, m.threadTs)?.userId } : {}),
      ...(replies.length > 0
        ? { thread_ts: m.ts, reply_count: replies.length, reply_users_count: replyUsers.length, latest_reply: replies[replies.length - 1]?.ts, reply_users: replyUsers }
        : {}),
      ...(m.edited ? { edited: m.edited } : {}),
      ...(m.metadata && withMetadata ? { metadata: structuredClone(m.metadata) } : {}),
      ...(m.reactions?.length ? { reactions: m.reactions.map((r) => ({ name: r.name, users: [...r.users], count: r.users.length })) } : {}),
    };
  }
}
