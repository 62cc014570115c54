// One place decides what a failed Slack call means for its delivery (alertmanager's split between
// retryable and permanent errors): wait and retry, join the channel, or give up with a reason to show.

/** SlackErrorClass is the verdict on a failed Slack Web API call. */
export type SlackErrorClass =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'retryable'; reason: string }
  | { kind: 'not_in_channel' }
  | { kind: 'permanent'; reason: string };

// Slack's own error codes that retrying cannot fix: the delivery is dead, and the reason shown in the dashboard.
const PERMANENT_CODES = new Set([
  'channel_not_found',
  'is_archived',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'not_authed',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
  'missing_scope',
  'restricted_action',
  'message_not_found',
  'cant_update_message',
  'team_access_not_granted',
]);

// Slack's error codes for trouble on its side, which passes.
const RETRYABLE_CODES = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

// Slack also reports rate limits in the body of a 200 (`ratelimited`); without Retry-After, wait this long.
const DEFAULT_RETRY_AFTER_MS = 1_000;

type ErrorLike = { code?: unknown; message?: unknown; retryAfter?: unknown; statusCode?: unknown; data?: unknown; original?: unknown };

function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  return typeof value === 'string' ? value : 'unknown error';
}

function classifyPlatformError(code: string): SlackErrorClass {
  if (code === 'not_in_channel') return { kind: 'not_in_channel' };
  if (code === 'ratelimited' || code === 'rate_limited') return { kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS };
  if (RETRYABLE_CODES.has(code)) return { kind: 'retryable', reason: code };
  // Known permanent codes and codes we have never seen alike: retrying blindly could repeat forever.
  return { kind: 'permanent', reason: PERMANENT_CODES.has(code) ? code : code || 'unknown_platform_error' };
}

/**
 * classifySlackError sorts an error thrown by `@slack/web-api` 8: rate limits (with the wait Slack asked for),
 * retryable failures (5xx, Slack-side errors, network), `not_in_channel` (the caller may join and retry), and
 * permanent failures with Slack's error code as the reason. Anything unrecognised is permanent.
 */
export function classifySlackError(error: unknown): SlackErrorClass {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) && e.retryAfter >= 0 ? e.retryAfter : undefined;
      return { kind: 'rate_limited', retryAfterMs: seconds === undefined ? DEFAULT_RETRY_AFTER_MS : seconds * 1000 };
    }
    case 'slack_webapi_platform_error': {
      const data = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as { error?: unknown };
      return classifyPlatformError(typeof data.error === 'string' ? data.error : '');
    }
    case 'slack_webapi_request_error':
      return { kind: 'retryable', reason: `network error: ${messageOf(e.original ?? e.message)}` };
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      if (status === 429) return { kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS };
      if (status >= 500 || status === 408) return { kind: 'retryable', reason: `HTTP ${status}` };
      return { kind: 'permanent', reason: `HTTP ${status}` };
    }
  }
  // Errors from below the SDK (sockets, DNS, undici) carry Node's error codes: the network, so retry.
  if (typeof e.code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(e.code)) {
    return { kind: 'retryable', reason: `network error: ${e.code}` };
  }
  return { kind: 'permanent', reason: messageOf(error) };
}

const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60 * 1_000;
const JITTER = 0.2;

/**
 * nextBackoffMs returns how long to wait before retry number `attempt` (1 for the first retry): 1 s, 2 s,
 * 4 s … doubling up to 5 minutes, each spread by ±20% so that deliveries that failed together don't retry
 * together. The result never exceeds 5 minutes. `random` returns a number in [0, 1), as Math.random does.
 */
export function nextBackoffMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(Math.floor(attempt) - 1, 30)) || 0;
  const base = Math.min(BASE_BACKOFF_MS * 2 ** exponent, MAX_BACKOFF_MS);
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(jittered, MAX_BACKOFF_MS));
}
