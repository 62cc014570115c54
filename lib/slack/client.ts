// The one place that builds Slack Web API clients: SLACK_API_URL from env, no silent retries (callers decide:
// the worker paces and retries, request handlers fail fast), and rate limits surfaced as errors. Clients are
// reused per token and timeout (building one is not free), and rebuilt when SLACK_API_URL changes. They send
// over slackFetch (./http-fetch.ts), a lighter transport than the global fetch. Every call
// is counted in klaxon_slack_api_requests_total, and the SDK's own log lines go to the process's pino logger.
import {
  ErrorCode,
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type Logger,
  type WebAPICallResult,
} from '@slack/web-api';
import { env } from '../env';
import { log } from '../log';
import { metrics } from '../metrics';
import { processWide } from '../process-wide';
import { slackFetch } from './http-fetch';

const MAX_CLIENTS = 1_000;
const clients = processWide('slackClients', () => new Map<string, WebClient>());

// Slack's error codes are short snake_case words; anything else is not a label value.
const SLACK_ERROR_CODE = /^[a-z0-9_]{1,64}$/;

/** slackCallStatus names how a Slack call ended, as the metric labels it. */
export function slackCallStatus(error: unknown): string {
  const failure = error as { code?: string; statusCode?: number; data?: { error?: unknown } };
  switch (failure?.code) {
    case ErrorCode.PlatformError: {
      const code = failure.data?.error;
      return typeof code === 'string' && SLACK_ERROR_CODE.test(code) ? code : 'unknown_error';
    }
    case ErrorCode.RateLimitedError:
      return '429';
    case ErrorCode.HTTPError:
      return failure.statusCode === 429 ? '429' : (failure.statusCode ?? 0) >= 500 ? 'http_5xx' : 'http_4xx';
    default:
      return 'network';
  }
}

// The methods that carry every alert message go out as one JSON body (Slack takes JSON with a Bearer token for
// its write methods) straight over slackFetch. Measured on this 2-core machine, 10,000 chat.postMessage calls of
// the default alert message (3 runs): through the SDK 490–535 µs of CPU per call and 134–140 scavenges; this way
// 300–340 µs and 43–48. The SDK builds `JSON.stringify(redact(body))` for a debug line on every call even with
// debug off, then form-encodes the already JSON-encoded blocks; that garbage made the app's collections, and
// they made the tail of end-to-end latency. Errors are the SDK's own classes, thrown as the SDK throws them
// with rejectRateLimitedCalls and no retries (the settings of every client built here).
const JSON_METHODS = new Set(['chat.postMessage', 'chat.update']);

function plainHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.entries());
}

/** CountingWebClient is a WebClient that counts each call by method and outcome. */
class CountingWebClient extends WebClient {
  constructor(
    token: string | undefined,
    private readonly timeoutMs: number,
    options: ConstructorParameters<typeof WebClient>[1],
  ) {
    super(token, { ...options, timeout: timeoutMs });
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    try {
      const result = JSON_METHODS.has(method) && this.token && !options?.token ? await this.jsonCall(method, options ?? {}) : await super.apiCall(method, options);
      metrics().slackApiRequests.inc({ method, status: 'ok' });
      return result;
    } catch (error) {
      metrics().slackApiRequests.inc({ method, status: slackCallStatus(error) });
      throw error;
    }
  }

  private async jsonCall(method: string, options: Record<string, unknown>): Promise<WebAPICallResult> {
    const url = `${this.slackApiUrl}${method}`;
    let response: Response;
    let text: string;
    try {
      response = await slackFetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(options),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (response.status === 429) {
      const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      if (Number.isNaN(retryAfter)) throw new Error(`Retry header did not contain a valid timeout (url: ${url}, retry-after header: ${response.headers.get('retry-after')})`);
      throw new WebAPIRateLimitedError(retryAfter);
    }
    if (response.status !== 200) throw new WebAPIHTTPError(response.status, response.statusText, plainHeaders(response.headers), text);
    let result: WebAPICallResult & { error?: unknown };
    try {
      result = JSON.parse(text) as WebAPICallResult & { error?: unknown };
    } catch {
      // As the SDK does: a body that is not JSON is the error.
      result = { ok: false, error: text };
    }
    if (!result.ok) throw new WebAPIPlatformError({ ...result, error: typeof result.error === 'string' ? result.error : 'unknown_error' });
    return result;
  }
}

/** slackSdkLogger sends a Slack SDK's own log lines (`sdk` names it on each line) to the process's pino logger. */
export function slackSdkLogger(sdk: string): Logger {
  return {
    debug: (...message: unknown[]) => log().debug({ sdk }, message.join(' ')),
    info: (...message: unknown[]) => log().info({ sdk }, message.join(' ')),
    warn: (...message: unknown[]) => log().warn({ sdk }, message.join(' ')),
    error: (...message: unknown[]) => log().error({ sdk }, message.join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}

const sdkLogger = slackSdkLogger('@slack/web-api');

/** slackClient returns a WebClient for the given token (or none, for oauth.v2.access and OpenID calls). */
export function slackClient(token?: string, options: { timeoutMs?: number } = {}): WebClient {
  const slackApiUrl = env().slack.apiUrl;
  const timeout = options.timeoutMs ?? 10_000;
  const key = `${slackApiUrl}\u0000${timeout}\u0000${token ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= MAX_CLIENTS) clients.clear();
    client = new CountingWebClient(token, timeout, { slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logger: sdkLogger, fetch: slackFetch });
    clients.set(key, client);
  }
  return client;
}
