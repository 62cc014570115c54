// Slack's Socket Mode, emulated: `apps.connections.open` (app-level token) hands out a single-use WebSocket URL;
// a connection gets `hello`, then envelopes `{ envelope_id, type, payload, accepts_response_payload }`, and must
// ack each with `{ envelope_id, payload? }` within 3 s. An events_api envelope left unacked is delivered again as
// Slack's Events API does (`retry_attempt`, `retry_reason: timeout`: at once, after 1 min, after 5 min);
// interactions and commands are not retried (Slack shows the user an error instead). `refresh` sends
// `{ type: 'disconnect', reason: 'refresh_requested' }` as Slack does before it rotates a connection.
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_ID } from './directory';
import type { AppResponse } from './types';

/** SOCKET_MODE_PATH is where connection URLs point (Slack's are `wss://wss-primary.slack.com/link/?ticket=…`). */
export const SOCKET_MODE_PATH = '/link/';
/** ACK_TIMEOUT_MS is how long Slack waits for an envelope's ack. */
export const ACK_TIMEOUT_MS = 3_000;
const RETRY_DELAYS_MS = [0, 60_000, 300_000];
const TICKET_LIFETIME_MS = 60_000;
// A connection asked to refresh is closed by Slack after a while if the client does not close it first.
const REFRESH_CLOSE_MS = 10_000;

/** EnvelopeType is the kind of request an envelope carries. */
export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

/** EnvelopeRecord is one envelope the emulator sent, and whether (and with what) the app acked it. */
export interface EnvelopeRecord {
  envelopeId: string;
  type: EnvelopeType;
  retryAttempt: number;
  retryReason: string;
  payload: Record<string, unknown>;
  acked: boolean;
  ackPayload?: unknown;
  at: string;
}

/** Redelivery marks an envelope as Slack's retry of an earlier one. */
export interface Redelivery {
  attempt: number;
  reason: string;
}

interface Ack {
  envelope_id: string;
  payload?: unknown;
}

// Slack takes a payload in the ack of a slash command and of a modal submission or options request, not of an
// event or a click.
function acceptsResponsePayload(type: EnvelopeType, payload: Record<string, unknown>): boolean {
  if (type === 'slash_commands') return true;
  return type === 'interactive' && (payload.type === 'view_submission' || payload.type === 'block_suggestion');
}

/** SocketModeHub is the emulator's Socket Mode side: tickets, open connections, envelopes and their acks. */
export class SocketModeHub {
  readonly envelopes: EnvelopeRecord[] = [];
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly tickets = new Map<string, number>();
  /** Connections envelopes may go to: open, and not asked to refresh. */
  private readonly live: WebSocket[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new EventEmitter();
  private readonly timers = new Set<NodeJS.Timeout>();
  private next = 0;
  private acksToDrop = 0;
  private closed = false;

  constructor(
    private readonly appToken: string,
    private readonly now: () => number,
  ) {
    this.acks.setMaxListeners(0);
  }

  /** isAppToken tells whether `token` is the app-level token (it carries `connections:write`). */
  isAppToken(token: string): boolean {
    return token === this.appToken;
  }

  /** openConnection answers `apps.connections.open`: a WebSocket URL with a new single-use ticket. */
  openConnection(baseUrl: string): string {
    const ticket = randomBytes(16).toString('hex');
    this.tickets.set(ticket, this.now() + TICKET_LIFETIME_MS);
    return `${baseUrl.replace(/^http/, 'ws')}${SOCKET_MODE_PATH}?ticket=${ticket}&app_id=${APP_ID}`;
  }

  /** handleUpgrade takes a WebSocket upgrade to a ticketed URL, refusing (401) an unknown, used or expired ticket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const ticket = url.searchParams.get('ticket') ?? '';
    const expiresAt = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (this.closed || url.pathname !== SOCKET_MODE_PATH || expiresAt === undefined || this.now() >= expiresAt) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** connectionCount is the number of connections envelopes can go to. */
  connectionCount(): number {
    return this.live.length;
  }

  /** dropNextAck ignores the app's next `count` acks, as if lost on the way: the envelope times out. */
  dropNextAck(count = 1): void {
    this.acksToDrop += count;
  }

  /** refresh asks every connection to reconnect (`disconnect`, `refresh_requested`) and sends them nothing more. */
  refresh(): number {
    const asked = this.live.splice(0);
    for (const ws of asked) {
      ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'slack-emulator' } }));
      this.later(REFRESH_CLOSE_MS, () => ws.close(1000, 'refresh'));
    }
    return asked.length;
  }

  /**
   * deliver sends one envelope and waits for its ack (at most 3 s, including time spent waiting for a connection
   * while the app reconnects). The answer carries the ack's payload as `json`; without an ack it is `status: 0`,
   * and an event is delivered again later.
   */
  async deliver(type: EnvelopeType, payload: Record<string, unknown>, redelivery: Redelivery = { attempt: 0, reason: '' }): Promise<AppResponse> {
    const started = Date.now();
    const record = await this.attempt(type, payload, redelivery);
    const durationMs = Date.now() - started;
    if (record.acked) return { status: 200, body: JSON.stringify(record.ackPayload ?? {}), json: record.ackPayload, durationMs };
    if (type === 'events_api') this.retryLater(payload, redelivery.attempt + 1);
    return { status: 0, body: '', durationMs, error: `no ack within ${ACK_TIMEOUT_MS / 1000} s over Socket Mode` };
  }

  /** close ends every connection and every pending retry. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const ws of this.sockets) ws.terminate();
    this.server.close();
  }

  /** reset forgets the envelopes sent and the acks queued to drop (connections stay open). */
  reset(): void {
    this.envelopes.length = 0;
    this.acksToDrop = 0;
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    this.live.push(ws);
    ws.on('message', (data, isBinary) => {
      if (!isBinary && Buffer.isBuffer(data)) this.receive(data.toString('utf8'));
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      const index = this.live.indexOf(ws);
      if (index >= 0) this.live.splice(index, 1);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.live.length,
        debug_info: { host: 'slack-emulator', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: APP_ID },
      }),
    );
    this.acks.emit('connection');
  }

  private receive(text: string): void {
    let ack: Ack;
    try {
      ack = JSON.parse(text) as Ack;
    } catch {
      return;
    }
    if (typeof ack.envelope_id !== 'string') return;
    if (this.acksToDrop > 0) {
      this.acksToDrop -= 1;
      return;
    }
    this.acks.emit(ack.envelope_id, ack);
  }

  private async attempt(type: EnvelopeType, payload: Record<string, unknown>, redelivery: Redelivery): Promise<EnvelopeRecord> {
    const record: EnvelopeRecord = {
      envelopeId: randomUUID(),
      type,
      retryAttempt: redelivery.attempt,
      retryReason: redelivery.reason,
      payload,
      acked: false,
      at: new Date(this.now()).toISOString(),
    };
    this.envelopes.push(record);
    const signal = AbortSignal.timeout(ACK_TIMEOUT_MS);
    try {
      const ws = await this.connection(signal);
      const acked = once(this.acks, record.envelopeId, { signal });
      ws.send(
        JSON.stringify({
          envelope_id: record.envelopeId,
          type,
          payload,
          accepts_response_payload: acceptsResponsePayload(type, payload),
          ...(type === 'events_api' ? { retry_attempt: redelivery.attempt, retry_reason: redelivery.reason } : {}),
        }),
      );
      const [ack] = (await acked) as [Ack];
      record.acked = true;
      record.ackPayload = ack.payload;
    } catch {
      // Timed out (no connection, or no ack): the record stays unacked.
    }
    return record;
  }

  // Connections take envelopes in turn, as Slack spreads them over an app's connections.
  private async connection(signal: AbortSignal): Promise<WebSocket> {
    while (this.live.length === 0) await once(this.acks, 'connection', { signal });
    this.next = (this.next + 1) % this.live.length;
    return this.live[this.next]!;
  }

  private retryLater(payload: Record<string, unknown>, attempt: number): void {
    const delay = RETRY_DELAYS_MS[attempt - 1];
    if (delay === undefined || this.closed) return;
    this.later(delay, () => void this.deliver('events_api', payload, { attempt, reason: 'timeout' }));
  }

  private later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}
