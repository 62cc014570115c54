// The one place that builds Slack Web API clients: SLACK_API_URL from env, no silent retries (callers decide:
// the worker paces and retries, request handlers fail fast), and rate limits surfaced as errors.
import { WebClient } from '@slack/web-api';
import { env } from '../env';

/** slackClient returns a WebClient for the given token (or none, for oauth.v2.access and OpenID calls). */
export function slackClient(token?: string, options: { timeoutMs?: number } = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: env().slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
  });
}
