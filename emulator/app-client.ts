import { slackSignatureHeaders } from './signing';
import type { EnvelopeType, Redelivery, SocketModeHub } from './socket-mode';
import type { AppResponse } from './types';

/** EVENTS_PATH, INTERACTIONS_PATH and COMMANDS_PATH are where the app receives Slack's requests over HTTP. */
export const EVENTS_PATH = '/api/slack/events';
export const INTERACTIONS_PATH = '/api/slack/interactions';
export const COMMANDS_PATH = '/api/slack/commands';

/** SentRecord is one request the emulator sent to the app. */
export interface SentRecord {
  path: string;
  status: number;
  at: string;
}

/** AppClientConfig tells the client where the app is and how to sign. */
export interface AppClientConfig {
  signingSecret: string;
  appUrl: () => string | undefined;
  /** Give up waiting for the app after this long (Slack itself gives up after 3 s and retries). */
  timeoutMs: number;
  /** With an app-level token configured, everything goes over Socket Mode instead of signed HTTP. */
  socketMode: SocketModeHub | null;
}

/**
 * AppClient delivers to the app what Slack sends it, the way Slack would: signed HTTP requests to the app's
 * URLs, or, in Socket Mode, envelopes over the app's WebSocket (the ack's payload standing for the HTTP body).
 */
export class AppClient {
  readonly sent: SentRecord[] = [];

  constructor(private readonly config: AppClientConfig) {}

  /** sendEvent delivers an Events API envelope; `redelivery` marks it as Slack's retry of an earlier delivery. */
  sendEvent(envelope: Record<string, unknown>, redelivery?: Redelivery): Promise<AppResponse> {
    if (this.config.socketMode) return this.overSocket('events_api', envelope, redelivery);
    const headers: Record<string, string> = redelivery ? { 'X-Slack-Retry-Num': String(redelivery.attempt), 'X-Slack-Retry-Reason': redelivery.reason } : {};
    return this.send(EVENTS_PATH, JSON.stringify(envelope), 'application/json', headers);
  }

  /** sendInteraction delivers an interaction payload (over HTTP: JSON in the `payload` form field). */
  sendInteraction(payload: Record<string, unknown>): Promise<AppResponse> {
    if (this.config.socketMode) return this.overSocket('interactive', payload);
    return this.sendForm(INTERACTIONS_PATH, { payload: JSON.stringify(payload) });
  }

  /** sendCommand delivers a slash command's fields (over HTTP: a form). */
  sendCommand(fields: Record<string, string>): Promise<AppResponse> {
    if (this.config.socketMode) return this.overSocket('slash_commands', fields);
    return this.sendForm(COMMANDS_PATH, fields);
  }

  private async overSocket(type: EnvelopeType, payload: Record<string, unknown>, redelivery?: Redelivery): Promise<AppResponse> {
    const response = await this.config.socketMode!.deliver(type, payload, redelivery);
    this.sent.push({ path: `socket-mode ${type}`, status: response.status, at: new Date().toISOString() });
    return response;
  }

  private sendForm(path: string, fields: Record<string, string>): Promise<AppResponse> {
    return this.send(path, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', {});
  }

  private async send(path: string, rawBody: string, contentType: string, headers: Record<string, string>): Promise<AppResponse> {
    const base = this.config.appUrl();
    const started = Date.now();
    if (!base) return { status: 0, body: '', durationMs: 0, error: 'no app URL configured (setAppUrl / APP_URL)' };
    try {
      const res = await fetch(`${base.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs),
        headers: {
          'Content-Type': contentType,
          'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
          ...slackSignatureHeaders(this.config.signingSecret, rawBody),
          ...headers,
        },
        body: rawBody,
      });
      const body = await res.text();
      this.sent.push({ path, status: res.status, at: new Date().toISOString() });
      return { status: res.status, body, json: parseJson(body), durationMs: Date.now() - started };
    } catch (err) {
      this.sent.push({ path, status: 0, at: new Date().toISOString() });
      return { status: 0, body: '', durationMs: Date.now() - started, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

function parseJson(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
