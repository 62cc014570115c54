import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SlackSignatureError, verifySlackRequest } from './verify-request';

// Slack's published example ("Verifying requests from Slack").
const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const timestamp = '1531420618';
const body =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const now = Number(timestamp) + 10;

function verify(overrides: { body?: string; signature?: string | null; timestamp?: string | null; now?: number; secret?: string }) {
  return () =>
    verifySlackRequest({
      signingSecret: overrides.secret ?? secret,
      headers: {
        signature: overrides.signature === undefined ? signature : overrides.signature,
        timestamp: overrides.timestamp === undefined ? timestamp : overrides.timestamp,
      },
      rawBody: overrides.body ?? body,
      nowSeconds: overrides.now ?? now,
    });
}

describe('verifySlackRequest', () => {
  it("accepts Slack's published example", () => {
    expect(verify({})).not.toThrow();
  });

  it('accepts the body as bytes', () => {
    expect(() =>
      verifySlackRequest({ signingSecret: secret, headers: { signature, timestamp }, rawBody: Buffer.from(body), nowSeconds: now }),
    ).not.toThrow();
  });

  it.each([
    ['a tampered body', { body: body.replace('roadrunner', 'coyote') }],
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a missing signature', { signature: null }],
    ['a missing timestamp', { timestamp: null }],
    ['another signature version', { signature: signature.replace('v0=', 'v1=') }],
    ['a truncated signature', { signature: signature.slice(0, 40) }],
    ['a non-numeric timestamp', { timestamp: '15314206l8' }],
    ['a timestamp 5 min 1 s old', { now: Number(timestamp) + 301 }],
    ['a timestamp 5 min 1 s in the future', { now: Number(timestamp) - 301 }],
  ])('refuses %s', (_label, overrides) => {
    expect(verify(overrides)).toThrow(SlackSignatureError);
  });

  it('accepts a request exactly 5 minutes old or early', () => {
    expect(verify({ now: Number(timestamp) + 300 })).not.toThrow();
    expect(verify({ now: Number(timestamp) - 300 })).not.toThrow();
  });

  it('signs over the timestamp too: a replay with a fresh timestamp fails', () => {
    const fresh = String(Number(timestamp) + 1000);
    expect(verify({ timestamp: fresh, now: Number(fresh) })).toThrow(SlackSignatureError);
    const resigned = `v0=${createHmac('sha256', secret).update(`v0:${fresh}:${body}`).digest('hex')}`;
    expect(verify({ timestamp: fresh, signature: resigned, now: Number(fresh) })).not.toThrow();
  });
});
