// The one place that builds Slack Web API clients: SLACK_API_URL from env, no silent retries (callers decide:
// the worker paces and retries, request handlers fail fast), and rate limits surfaced as errors. Clients are
// reused per token and timeout (building one is not free), and rebuilt when SLACK_API_URL changes.
import { WebClient } from '@slack/web-api';
import { env } from '../env';
import { processWide } from '../process-wide';

const MAX_CLIENTS = 1_000;
const clients = processWide('slackClients', () => new Map<string, WebClient>());

/** slackClient returns a WebClient for the given token (or none, for oauth.v2.access and OpenID calls). */
export function slackClient(token?: string, options: { timeoutMs?: number } = {}): WebClient {
  const slackApiUrl = env().slack.apiUrl;
  const timeout = options.timeoutMs ?? 10_000;
  const key = `${slackApiUrl}\u0000${timeout}\u0000${token ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= MAX_CLIENTS) clients.clear();
    client = new WebClient(token, { slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout });
    clients.set(key, client);
  }
  return client;
}
