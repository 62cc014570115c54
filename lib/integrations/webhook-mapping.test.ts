import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { signatureOf, verifyHmac } from './hmac-check';
import { confirmSnsSubscription, isSnsUrl } from './sns';
import { mapWebhookBody, readPath, renderTemplate } from './webhook-mapping';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe('readPath and renderTemplate', () => {
  const body = { a: { b: [{ c: 3 }, { c: 'four' }] }, name: 'x', empty: '' };

  it('read dotted paths with indices, own properties only', () => {
    expect(readPath(body, 'a.b[1].c')).toBe('four');
    expect(readPath(body, '$.a.b[0].c')).toBe(3);
    expect(readPath(body, '$')).toBe(body);
    expect(readPath(body, 'a.missing.c')).toBeUndefined();
    expect(readPath(body, 'constructor')).toBeUndefined();
    expect(readPath(body, 'name.length')).toBeUndefined();
  });

  it('keep the type of a lone placeholder, fill text otherwise, take the first path that finds something', () => {
    expect(renderTemplate('{{a.b[0].c}}', body)).toBe(3);
    expect(renderTemplate('n={{ a.b[0].c }}, {{missing}}!', body)).toBe('n=3, !');
    expect(renderTemplate('{{empty || missing || name}}', body)).toBe('x');
    expect(renderTemplate('constant', body)).toBe('constant');
  });
});

describe('mapWebhookBody', () => {
  it('resolves by the status words, and refuses a status change it cannot address', () => {
    const mapping = { title: '{{t}}', dedup_key: '{{id}}', status: '{{state}}' };
    expect(mapWebhookBody({ t: 'x', id: 'k', state: 'OK' }, mapping, { name: 'w' })).toEqual({ action: 'resolve', dedupKey: 'k', fields: {}, links: [] });
    expect(mapWebhookBody({ t: 'x', id: 'k', state: 'firing' }, mapping, { name: 'w' })).toMatchObject({ action: 'trigger', title: 'x', eventType: 'w', severity: 'warning' });
    expect(() => mapWebhookBody({ state: 'resolved' }, mapping, { name: 'w' })).toThrow(AppError);
  });

  it('falls back to the event type for a missing title and drops links that are not http(s)', () => {
    const mapped = mapWebhookBody({ url: 'javascript:alert(1)' }, { title: '{{nothing}}', event_type: 'ci.{{kind}}', links: [{ text: 'x', url: '{{url}}' }] }, { name: 'ci' });
    expect(mapped).toMatchObject({ title: 'ci.', links: [] });
  });
});

describe('verifyHmac', () => {
  const check = { secret: 's3cret-value', algorithm: 'sha256' as const, encoding: 'hex' as const };
  const body = new TextEncoder().encode('{"a":1}');

  it('accepts the signature of the body (any hex case), and of `<timestamp>:<body>` within five minutes', () => {
    expect(() => verifyHmac(check, headers({ 'x-sig': signatureOf(check, body).toUpperCase() }), body, 'X-Sig')).not.toThrow();
    const timed = { ...check, timestamp_header: 'X-Ts' };
    const now = 1_765_000_000_000;
    const ts = String(now / 1000 - 60);
    expect(() => verifyHmac(timed, headers({ 'x-sig': signatureOf(timed, body, ts), 'x-ts': ts }), body, 'X-Sig', now)).not.toThrow();
    const future = String(now / 1000 + 600);
    expect(() => verifyHmac(timed, headers({ 'x-sig': signatureOf(timed, body, future), 'x-ts': future }), body, 'X-Sig', now)).toThrow(/five minutes/);
  });

  it('refuses a missing, wrong or unprefixed signature', () => {
    const prefixed = { ...check, prefix: 'sha256=' };
    expect(() => verifyHmac(check, headers({}), body, 'X-Sig')).toThrow(/missing/);
    expect(() => verifyHmac(check, headers({ 'x-sig': signatureOf({ ...check, secret: 'other-secret' }, body) }), body, 'X-Sig')).toThrow(/does not match/);
    expect(() => verifyHmac(prefixed, headers({ 'x-sig': signatureOf(check, body) }), body, 'X-Sig')).toThrow(/does not match/);
    expect(() => verifyHmac(prefixed, headers({ 'x-sig': signatureOf(prefixed, body) }), body, 'X-Sig')).not.toThrow();
  });
});

describe('Amazon SNS subscription confirmation', () => {
  it('follows only https SNS endpoints of AWS', async () => {
    expect(isSnsUrl('https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription')).toBe(true);
    expect(isSnsUrl('https://sns.cn-north-1.amazonaws.com.cn/?Action=ConfirmSubscription')).toBe(true);
    expect(isSnsUrl('http://sns.us-west-2.amazonaws.com/')).toBe(false);
    expect(isSnsUrl('https://sns.us-west-2.amazonaws.com.evil.example/')).toBe(false);
    expect(isSnsUrl('https://sns.us-west-2.amazonaws.com:8443/')).toBe(false);
    const visited: string[] = [];
    const fetcher = ((url: string) => {
      visited.push(url);
      return Promise.resolve(new Response('<ConfirmSubscriptionResponse/>', { status: 200 }));
    }) as unknown as typeof fetch;
    const url = 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=t';
    await confirmSnsSubscription({ Type: 'SubscriptionConfirmation', TopicArn: 'arn:aws:sns:us-west-2:1:T', SubscribeURL: url }, fetcher);
    expect(visited).toEqual([url]);
    const failing = (() => Promise.resolve(new Response('', { status: 403 }))) as unknown as typeof fetch;
    await expect(confirmSnsSubscription({ Type: 'SubscriptionConfirmation', TopicArn: 'arn:aws:sns:us-west-2:1:T', SubscribeURL: url }, failing)).rejects.toThrow(/HTTP 403/);
  });
});
