import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, startTestEmulator } from './test-support';

describe('pacing', () => {
  let paced: SlackEmulator;
  let unpaced: SlackEmulator;
  beforeAll(async () => {
    paced = await startTestEmulator();
    unpaced = await startTestEmulator({ pacing: false });
  });
  afterAll(async () => {
    await paced.close();
    await unpaced.close();
  });

  it('tolerates a burst of 3 posts to one channel, then answers HTTP 429 with Retry-After until a second has passed', async () => {
    const token = String(paced.state.install({ teamId: 'T0ACME0001' }).access_token);
    const post = (channel: string) => api(paced, 'chat.postMessage', { channel, text: 'alert' }, token);
    for (let i = 0; i < 3; i++) expect((await post('C0ACMEALRT')).status).toBe(200);
    const limited = await post('C0ACMEALRT');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
    expect((await post('C0ACMEINCD')).status).toBe(200);
    expect(paced.state.messages('C0ACMEALRT')).toHaveLength(3);
    expect(paced.state.calls('chat.postMessage').map((c) => c.status)).toEqual([200, 200, 200, 429, 200]);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await post('C0ACMEALRT')).status).toBe(200);
    expect((await post('C0ACMEALRT')).status).toBe(429);
  });

  it('paces conversations.history at Tier 3 per workspace', async () => {
    paced.state.reset();
    const token = String(paced.state.install({ teamId: 'T0ACME0001' }).access_token);
    const history = () => api(paced, 'conversations.history', { channel: 'C0ACMEALRT' }, token);
    for (let i = 0; i < 50; i++) expect((await history()).status).toBe(200);
    const limited = await history();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('never answers 429 with pacing off', async () => {
    const token = String(unpaced.state.install({ teamId: 'T0ACME0001' }).access_token);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => api(unpaced, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'x' }, token)));
    expect(statuses.every((r) => r.status === 200 && r.body.ok)).toBe(true);
    expect(unpaced.state.messages('C0ACMEALRT')).toHaveLength(20);
  });
});
