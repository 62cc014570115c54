import { slackSignatureHeaders } from './signing';
import type { AppResponse } from './types';

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
}

/** AppClient sends signed requests to the app, the way Slack delivers events and interactions. */
export class AppClient {
  readonly sent: SentRecord[] = [];

  constructor(private readonly config: AppClientConfig) {}

  /** postJson POSTs a JSON body (events) with optional extra headers (retry headers). */
  postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<AppResponse> {
    return this.send(path, JSON.stringify(body), 'application/json', headers);
  }

  /** postForm POSTs an `application/x-www-form-urlencoded` body (interactions, slash commands). */
  postForm(path: string, fields: Record<string, string>): Promise<AppResponse> {
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
