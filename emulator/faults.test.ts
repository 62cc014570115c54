import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FaultInjector } from './faults';
import type { SlackEmulator } from './server';
import { api, startTestEmulator } from './test-support';

let emu: SlackEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.state.reset();
  token = String(emu.state.install({ teamId: 'T0ACME0001' }).access_token);
});

const post = (text: string) => api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text }, token);
const control = async (path: string, body: Record<string, unknown>) => {
  const res = await fetch(`${emu.url}/_emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('dropNextResponse', () => {
  it('stores the message but destroys the connection, so the client’s fetch rejects', async () => {
    emu.state.dropNextResponse('chat.postMessage');
    await expect(post('lost answer')).rejects.toThrow('fetch failed');
    expect(emu.state.messages('C0ACMEALRT').map((m) => m.text)).toEqual(['lost answer']);
    expect(emu.state.calls('chat.postMessage')).toEqual([expect.objectContaining({ ok: true, status: 200, teamId: 'T0ACME0001', fault: 'dropped' })]);
    const retry = await post('lost answer');
    expect(retry.body.ok).toBe(true);
    expect(emu.state.messages('C0ACMEALRT')).toHaveLength(2);
    expect(emu.state.calls('chat.postMessage')[1]).not.toHaveProperty('fault');
  });

  it('applies to `count` calls of that method only', async () => {
    emu.state.dropNextResponse('chat.postMessage', 2);
    expect((await api(emu, 'auth.test', {}, token)).body.ok).toBe(true);
    await expect(post('a')).rejects.toThrow();
    await expect(post('b')).rejects.toThrow();
    expect((await post('c')).body.ok).toBe(true);
    expect(emu.state.messages('C0ACMEALRT').map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('drops chat.update responses after applying the edit', async () => {
    const ts = String((await post('v1')).body.ts);
    emu.state.dropNextResponse('chat.update');
    await expect(api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts, text: 'v2' }, token)).rejects.toThrow();
    expect(emu.state.messages('C0ACMEALRT')[0]?.text).toBe('v2');
  });

  it('is exposed over the control API', async () => {
    expect(await control('drop_next_response', { method: 'chat.postMessage' })).toMatchObject({ status: 200, body: { ok: true } });
    await expect(post('via control')).rejects.toThrow();
    expect(emu.state.messages('C0ACMEALRT')).toHaveLength(1);
    expect((await control('drop_next_response', { method: '' })).status).toBe(400);
    expect((await control('drop_next_response', { method: 'chat.postMessage', count: 0 })).status).toBe(400);
  });
});

describe('failNext', () => {
  it('answers HTTP 500 without processing the call', async () => {
    emu.state.failNext('chat.postMessage', { status: 500 });
    const failed = await post('x');
    expect(failed.status).toBe(500);
    expect(failed.body.ok).toBe(false);
    expect(emu.state.messages('C0ACMEALRT')).toHaveLength(0);
    expect((await post('x')).status).toBe(200);
    expect(emu.state.calls('chat.postMessage').map((c) => [c.status, c.fault])).toEqual([
      [500, 'failed'],
      [200, undefined],
    ]);
  });

  it('answers { ok: false, error } with HTTP 200', async () => {
    emu.state.failNext('chat.postMessage', { error: 'internal_error' }, 2);
    for (let i = 0; i < 2; i++) expect(await post('x')).toMatchObject({ status: 200, body: { ok: false, error: 'internal_error' } });
    expect((await post('x')).body.ok).toBe(true);
    expect(emu.state.messages('C0ACMEALRT')).toHaveLength(1);
    expect(emu.state.calls('chat.postMessage')[0]).toMatchObject({ ok: false, error: 'internal_error', teamId: 'T0ACME0001', fault: 'failed' });
  });

  it('answers HTTP 429 with Retry-After even with pacing off', async () => {
    emu.state.failNext('conversations.history', { ratelimited: 7 });
    const limited = await api(emu, 'conversations.history', { channel: 'C0ACMEALRT' }, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
    expect((await api(emu, 'conversations.history', { channel: 'C0ACMEALRT' }, token)).body.ok).toBe(true);
  });

  it('applies queued faults in order and forgets them on reset', async () => {
    emu.state.failNext('chat.postMessage', { status: 503 });
    emu.state.dropNextResponse('chat.postMessage');
    expect((await post('a')).status).toBe(503);
    await expect(post('b')).rejects.toThrow();
    emu.state.failNext('chat.postMessage', { error: 'fatal_error' });
    emu.state.reset();
    token = String(emu.state.install({ teamId: 'T0ACME0001' }).access_token);
    expect((await post('c')).body.ok).toBe(true);
  });

  it('delays the next call: it is processed and answered after the delay, later calls are not held up', async () => {
    emu.state.delayNext('chat.postMessage', 400);
    const started = Date.now();
    const slow = post('slow').then((r) => ({ ok: r.body.ok, at: Date.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the slow call has arrived and taken the fault
    const fast = await post('fast');
    expect(fast.body.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(300);
    const delayed = await slow;
    expect(delayed.ok).toBe(true);
    expect(delayed.at).toBeGreaterThanOrEqual(390);
    expect((await control('delay_next', { method: 'chat.postMessage', ms: 10 })).status).toBe(200);
    expect((await control('delay_next', { method: 'chat.postMessage', ms: -1 })).status).toBe(400);
    expect(() => emu.state.delayNext('chat.postMessage', 1.5)).toThrow();
  });

  it('rejects malformed failures', () => {
    expect(() => emu.state.failNext('chat.postMessage', { status: 200 })).toThrow();
    expect(() => emu.state.failNext('chat.postMessage', { error: '' })).toThrow();
    expect(() => emu.state.failNext('chat.postMessage', { status: 500, error: 'x' })).toThrow();
    expect(() => emu.state.failNext('chat.postMessage', { ratelimited: 1.5 })).toThrow();
    expect(() => emu.state.failNext('chat.postMessage', { error: 'x' }, 0)).toThrow();
  });

  it('is exposed over the control API', async () => {
    expect((await control('fail_next', { method: 'chat.postMessage', status: 502 })).status).toBe(200);
    expect((await control('fail_next', { method: 'chat.postMessage', error: 'request_timeout' })).status).toBe(200);
    expect((await control('fail_next', { method: 'chat.postMessage', ratelimited: 3, count: 2 })).status).toBe(200);
    expect((await post('x')).status).toBe(502);
    expect((await post('x')).body.error).toBe('request_timeout');
    for (let i = 0; i < 2; i++) expect((await post('x')).headers.get('retry-after')).toBe('3');
    expect((await post('x')).body.ok).toBe(true);
    expect((await control('fail_next', { method: 'chat.postMessage' })).status).toBe(400);
    const calls = (await (await fetch(`${emu.url}/_emulator/calls?method=chat.postMessage`)).json()) as { calls: { status: number; fault?: string }[] };
    expect(calls.calls.map((c) => c.status)).toEqual([502, 200, 429, 429, 200]);
    expect(calls.calls.filter((c) => c.fault === 'failed')).toHaveLength(4);
  });
});

describe('fault windows', () => {
  it('fail every call of every method for a while, then close', async () => {
    emu.state.faults.during('*', { kind: 'fail', failure: { ratelimited: 2 } }, { ms: 300 });
    expect((await post('x')).status).toBe(429);
    expect((await api(emu, 'conversations.history', { channel: 'C0ACMEALRT' }, token)).status).toBe(429);
    expect(emu.state.messages('C0ACMEALRT')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect((await post('x')).body.ok).toBe(true);
    expect(emu.state.faults.openWindows()).toEqual([]);
  });

  it('fail a share of the calls (ratio), rolled per call', () => {
    const rolls = [0.1, 0.5, 0.19, 0.99];
    const faults = new FaultInjector(() => 0, () => rolls.shift()!);
    faults.during('chat.postMessage', { kind: 'fail', failure: { status: 500 } }, { ms: 1000, ratio: 0.2 });
    expect([1, 2, 3, 4].map(() => faults.take('chat.postMessage')?.kind)).toEqual(['fail', undefined, 'fail', undefined]);
    expect(faults.take('chat.update')).toBeUndefined();
    expect(() => faults.during('x', { kind: 'drop' }, { ms: 10, ratio: 0 })).toThrow();
  });

  it('late: the call is carried out at once, its answer comes after the caller gave up', async () => {
    emu.state.faults.late('chat.postMessage', 500);
    const body = new URLSearchParams({ channel: 'C0ACMEALRT', text: 'late' });
    const giveUp = AbortSignal.timeout(100);
    await expect(fetch(`${emu.apiUrl}chat.postMessage`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body, signal: giveUp })).rejects.toThrow();
    expect(emu.state.messages('C0ACMEALRT').map((m) => m.text)).toEqual(['late']);
    expect(emu.state.calls('chat.postMessage')[0]).toMatchObject({ ok: true, fault: 'late' });
  });

  it('is exposed over the control API', async () => {
    expect((await control('fail_during', { method: 'chat.postMessage', status: 500, ms: 1000, ratio: 1 })).status).toBe(200);
    expect((await post('x')).status).toBe(500);
    expect((await control('fail_during', { method: 'chat.postMessage', status: 500, ms: 1000, ratio: 2 })).status).toBe(400);
    emu.state.faults.clear();
    expect((await post('x')).body.ok).toBe(true);
  });
});
