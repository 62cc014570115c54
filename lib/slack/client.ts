// The one place that builds Slack Web API clients: SLACK_API_URL from env, no silent retries (callers decide:
// the worker paces and retries, request handlers fail fast), and rate limits surfaced as errors. Clients are
// reused per token and timeout (building one is not free), and rebuilt when SLACK_API_URL changes. They send
// over slackFetch (./http-fetch.ts), a lighter transport than the global fetch. Every call
// is counted in klaxon_slack_api_requests_total, and the SDK's own log lines go to the process's pino logger.
import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPICallResult } from '@slack/web-api';
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

/** CountingWebClient is a WebClient that counts each call by method and outcome. */
class CountingWebClient extends WebClient {
  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    try {
      const result = await super.apiCall(method, options);
      metrics().slackApiRequests.inc({ method, status: 'ok' });
      return result;
    } catch (error) {
      metrics().slackApiRequests.inc({ method, status: slackCallStatus(error) });
      throw error;
    }
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
    client = new CountingWebClient(token, { slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout, logger: sdkLogger, fetch: slackFetch });
    clients.set(key, client);
  }
  return client;
}
