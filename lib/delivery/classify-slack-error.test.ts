import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { classifySlackError, nextBackoffMs } from './classify-slack-error';

// Shaped like the errors @slack/web-api 8 throws (see its dist/errors.js).
const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { code: ErrorCode.PlatformError, data: { ok: false, error } });

describe('classifySlackError', () => {
  it('honours Retry-After on rate limits', () => {
    const error = Object.assign(new Error('rate limited'), { code: ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(classifySlackError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(classifySlackError({ code: ErrorCode.RateLimitedError })).toEqual({ kind: 'rate_limited', retryAfterMs: 1_000 });
  });

  it.each([
    'channel_not_found', 'is_archived', 'invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'not_authed',
    'invalid_blocks', 'msg_too_long', 'no_text', 'missing_scope', 'restricted_action', 'message_not_found',
    'cant_update_message', 'team_access_not_granted',
  ])('gives up on %s', (code) => {
    expect(classifySlackError(platformError(code))).toEqual({ kind: 'permanent', reason: code });
  });

  it.each(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])('retries %s', (code) => {
    expect(classifySlackError(platformError(code))).toEqual({ kind: 'retryable', reason: code });
  });

  it('singles out not_in_channel, so the caller can join first', () => {
    expect(classifySlackError(platformError('not_in_channel'))).toEqual({ kind: 'not_in_channel' });
  });

  it('treats unknown Slack codes as permanent, with the code as the reason', () => {
    expect(classifySlackError(platformError('brand_new_error'))).toEqual({ kind: 'permanent', reason: 'brand_new_error' });
  });

  it('retries network errors and 5xx, not other HTTP errors', () => {
    const network = { code: ErrorCode.RequestError, original: new Error('socket hang up') };
    expect(classifySlackError(network)).toEqual({ kind: 'retryable', reason: 'network error: socket hang up' });
    expect(classifySlackError({ code: ErrorCode.HTTPError, statusCode: 503 })).toEqual({ kind: 'retryable', reason: 'HTTP 503' });
    expect(classifySlackError({ code: ErrorCode.HTTPError, statusCode: 404 })).toEqual({ kind: 'permanent', reason: 'HTTP 404' });
    expect(classifySlackError({ code: ErrorCode.HTTPError, statusCode: 429 })).toMatchObject({ kind: 'rate_limited' });
    expect(classifySlackError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual({
      kind: 'retryable',
      reason: 'network error: ECONNREFUSED',
    });
  });

  it('treats anything else as permanent', () => {
    expect(classifySlackError(new TypeError('x is not a function'))).toEqual({ kind: 'permanent', reason: 'x is not a function' });
    expect(classifySlackError(undefined)).toEqual({ kind: 'permanent', reason: 'unknown error' });
  });

  it('classifies what the real client throws', async () => {
    // A stand-in Slack: rate-limits chat.update, fails chat.postMessage, answers 502 to anything else.
    const server = createServer((request, response) => {
      if (request.url?.endsWith('chat.update')) response.writeHead(429, { 'retry-after': '7' }).end();
      else if (request.url?.endsWith('chat.postMessage')) response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"channel_not_found"}');
      else response.writeHead(502).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const options = { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR };
    const client = new WebClient('xoxb-test', { ...options, slackApiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` });
    const failureOf = (call: Promise<unknown>) => call.then(() => undefined, (caught: unknown) => classifySlackError(caught));
    try {
      expect(await failureOf(client.chat.update({ channel: 'C1', ts: '1.2', text: 'x' }))).toEqual({ kind: 'rate_limited', retryAfterMs: 7_000 });
      expect(await failureOf(client.chat.postMessage({ channel: 'C1', text: 'x' }))).toEqual({ kind: 'permanent', reason: 'channel_not_found' });
      expect(await failureOf(client.auth.test())).toEqual({ kind: 'retryable', reason: 'HTTP 502' });
    } finally {
      server.close();
    }
    const unreachable = new WebClient('xoxb-test', { ...options, slackApiUrl: 'http://127.0.0.1:1/api/' });
    const offline = await failureOf(unreachable.auth.test());
    expect(offline?.kind === 'retryable' && offline.reason).toMatch(/^network error: /);
  });
});

describe('nextBackoffMs', () => {
  const middle = () => 0.5;

  it('doubles from one second', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => nextBackoffMs(attempt, middle))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('spreads each delay by ±20%', () => {
    expect(nextBackoffMs(3, () => 0)).toBe(3_200);
    expect(nextBackoffMs(3, () => 0.999999)).toBe(4_800);
  });

  it('never exceeds five minutes, however many attempts', () => {
    for (const attempt of [10, 20, 1_000, Number.POSITIVE_INFINITY]) {
      expect(nextBackoffMs(attempt, () => 0.999999)).toBeLessThanOrEqual(300_000);
      expect(nextBackoffMs(attempt, () => 0)).toBe(240_000);
    }
  });

  it('treats nonsense attempts as the first', () => {
    expect(nextBackoffMs(0, middle)).toBe(1_000);
    expect(nextBackoffMs(Number.NaN, middle)).toBe(1_000);
  });
});
