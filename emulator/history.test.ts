import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, installBot, startTestEmulator } from './test-support';

const SCOPES = 'chat:write,channels:read,groups:read,channels:history,groups:history,channels:join';
const META = { event_type: 'alert_posted', event_payload: { alert_id: 'al_123', attempt: 2, nested: { ok: true } } };
let emu: SlackEmulator;
let token: string;

type Msg = Record<string, unknown> & { ts: string; text: string };
type History = { messages: Msg[]; has_more: boolean; response_metadata?: { next_cursor: string } };

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  token = await installBot(emu, SCOPES);
});

const post = async (params: Record<string, unknown>, channel = 'C0ACMEALRT') => api(emu, 'chat.postMessage', { channel, ...params }, token);
const history = async (params: Record<string, unknown>) => {
  const res = await api(emu, 'conversations.history', params, token);
  return res.body as ApiBody & History;
};
type ApiBody = { ok: boolean; error?: string };

/** postMany posts texts m1..mN to #alerts and returns their ts, oldest first. */
async function postMany(n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(String((await post({ text: `m${i}` })).body.ts));
  return out;
}

describe('message metadata', () => {
  it('stores metadata sent as a JSON string in a form body and returns it on the message', async () => {
    const res = await post({ text: 'CPU high', metadata: JSON.stringify(META) });
    expect(res.body).toMatchObject({ ok: true, message: { metadata: META } });
    expect(emu.state.storedMessages('C0ACMEALRT')[0]?.metadata).toEqual(META);
  });

  it('accepts metadata as an object in a JSON body', async () => {
    const res = await fetch(`${emu.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0ACMEALRT', text: 'json', metadata: META }),
    });
    expect(await res.json()).toMatchObject({ ok: true, message: { metadata: META } });
    expect(emu.state.messages('C0ACMEALRT')[0]?.metadata).toEqual(META);
  });

  it('answers invalid_metadata_format to malformed metadata and stores nothing', async () => {
    const bad: unknown[] = [
      'not json',
      '[]',
      {},
      { event_payload: {} },
      { event_type: '', event_payload: {} },
      { event_type: 7, event_payload: {} },
      { event_type: 'x' },
      { event_type: 'x', event_payload: 'str' },
      { event_type: 'x', event_payload: [1] },
    ];
    for (const metadata of bad) {
      expect((await post({ text: 'x', metadata })).body, JSON.stringify(metadata)).toEqual({ ok: false, error: 'invalid_metadata_format' });
    }
    expect(emu.state.messages('C0ACMEALRT')).toHaveLength(0);
  });

  it('keeps metadata on chat.update without metadata, replaces it when given, removes it with {}', async () => {
    const ts = String((await post({ text: 'v1', metadata: META })).body.ts);
    const update = (params: Record<string, unknown>) => api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts, ...params }, token);
    expect((await update({ text: 'v2' })).body).toMatchObject({ ok: true, message: { text: 'v2', metadata: META } });
    const next = { event_type: 'alert_resolved', event_payload: { alert_id: 'al_123' } };
    expect((await update({ text: 'v3', metadata: next })).body).toMatchObject({ ok: true, message: { metadata: next } });
    expect((await update({ text: 'v4', metadata: { event_type: 'x' } })).body.error).toBe('invalid_metadata_format');
    expect(emu.state.storedMessages('C0ACMEALRT')[0]).toMatchObject({ text: 'v3', metadata: next });
    expect((await update({ text: 'v5', metadata: {} })).body.ok).toBe(true);
    expect(emu.state.storedMessages('C0ACMEALRT')[0]).not.toHaveProperty('metadata');
  });
});

describe('conversations.history', () => {
  it('lists top-level messages newest first, in Slack’s shape, without thread replies', async () => {
    const [first = '', second = ''] = await postMany(2);
    await post({ text: 'reply 1', thread_ts: first });
    await post({ text: 'reply 2', thread_ts: first });
    await api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts: second, text: 'm2 edited', blocks: [{ type: 'divider' }] }, token);
    const body = await history({ channel: 'C0ACMEALRT' });
    expect(body).toMatchObject({ ok: true, has_more: false, pin_count: 0 });
    expect(body).not.toHaveProperty('response_metadata');
    expect(body.messages.map((m) => m.text)).toEqual(['m2 edited', 'm1']);
    const [edited, parent] = body.messages;
    expect(edited).toMatchObject({ type: 'message', ts: second, user: 'U0ACMEBOT1', bot_id: 'B0ACMEBOT1', app_id: 'A0KLAXON01', edited: { user: 'U0ACMEBOT1' } });
    expect(edited?.blocks).toHaveLength(1);
    expect(edited).not.toHaveProperty('thread_ts');
    expect(parent).toMatchObject({ ts: first, thread_ts: first, reply_count: 2, reply_users: ['U0ACMEBOT1'], reply_users_count: 1 });
    const general = await history({ channel: 'C0ACMEGENL' });
    expect(general.error).toBe('not_in_channel');
  });

  it('applies oldest and latest as exclusive bounds unless inclusive', async () => {
    const ts = await postMany(5);
    const texts = async (params: Record<string, unknown>) => (await history({ channel: 'C0ACMEALRT', ...params })).messages.map((m) => m.text);
    expect(await texts({ oldest: ts[1], latest: ts[3] })).toEqual(['m3']);
    expect(await texts({ oldest: ts[1], latest: ts[3], inclusive: 'true' })).toEqual(['m4', 'm3', 'm2']);
    expect(await texts({ oldest: ts[3] })).toEqual(['m5']);
    expect(await texts({ latest: ts[1] })).toEqual(['m1']);
    expect(await texts({ latest: ts[1], inclusive: true })).toEqual(['m2', 'm1']);
    expect(await texts({ oldest: '0' })).toHaveLength(5);
    expect((await history({ channel: 'C0ACMEALRT', latest: 'yesterday' })).error).toBe('invalid_ts_latest');
    expect((await history({ channel: 'C0ACMEALRT', oldest: '12:00' })).error).toBe('invalid_ts_oldest');
  });

  it('pages with limit and next_cursor, covering every message once, within bounds', async () => {
    const ts = await postMany(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await history({ channel: 'C0ACMEALRT', limit: 3, oldest: ts[0], ...(cursor ? { cursor } : {}) });
      expect(page.ok).toBe(true);
      seen.push(...page.messages.map((m) => m.text));
      cursor = page.response_metadata?.next_cursor;
      expect(page.has_more).toBe(Boolean(cursor));
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2']);
    expect((await history({ channel: 'C0ACMEALRT', cursor: 'bm9wZQ==' })).error).toBe('invalid_cursor');
    expect((await history({ channel: 'C0ACMEALRT' })).messages).toHaveLength(7);
    expect((await history({ channel: 'C0ACMEALRT', limit: 5000 })).messages).toHaveLength(7);
  });

  it('defaults to 100 messages and caps limit at 999', async () => {
    emu.state.reset();
    const seeded = emu.state.install({ teamId: 'T0ACME0001' });
    token = String(seeded.access_token);
    for (let i = 0; i < 1005; i++) {
      emu.state.store.post({ teamId: 'T0ACME0001', channelId: 'C0ACMEALRT', userId: 'U0ACMEMEM1', text: `u${i}` });
    }
    const first = await history({ channel: 'C0ACMEALRT' });
    expect(first.messages).toHaveLength(100);
    expect(first.messages[0]?.text).toBe('u1004');
    expect(first.has_more).toBe(true);
    expect((await history({ channel: 'C0ACMEALRT', limit: 5000 })).messages).toHaveLength(999);
  });

  it('returns metadata only with include_all_metadata', async () => {
    await post({ text: 'with', metadata: META });
    await post({ text: 'without' });
    const plain = await history({ channel: 'C0ACMEALRT' });
    expect(plain.messages.every((m) => !('metadata' in m))).toBe(true);
    const full = await history({ channel: 'C0ACMEALRT', include_all_metadata: 'true' });
    expect(full.messages.map((m) => m.metadata)).toEqual([undefined, META]);
  });

  it('needs channels:history or groups:history by channel type', async () => {
    emu.state.reset();
    const narrow = await installBot(emu, 'chat:write,channels:history');
    const call = async (channel: string) => (await api(emu, 'conversations.history', { channel }, narrow)).body;
    expect((await call('C0ACMEALRT')).ok).toBe(true);
    expect(await call('C0ACMEINCD')).toMatchObject({ ok: false, error: 'missing_scope', needed: 'groups:history' });
    emu.state.reset();
    const privateOnly = await installBot(emu, 'chat:write,groups:history');
    expect((await api(emu, 'conversations.history', { channel: 'C0ACMEALRT' }, privateOnly)).body).toMatchObject({ error: 'missing_scope', needed: 'channels:history' });
    expect((await api(emu, 'conversations.history', { channel: 'C0ACMEINCD' }, privateOnly)).body.ok).toBe(true);
  });

  it('applies Slack’s membership rules', async () => {
    expect((await history({ channel: 'C0ACMEOPS1' })).error).toBe('not_in_channel');
    expect((await history({ channel: 'C0ACMEARCH' })).error).toBe('not_in_channel');
    expect((await history({ channel: 'C0ACMESCRT' })).error).toBe('channel_not_found');
    expect((await history({ channel: 'C0GLBXALRT' })).error).toBe('channel_not_found');
    expect((await history({ channel: 'C0NOPE' })).error).toBe('channel_not_found');
    expect((await history({})).error).toBe('channel_not_found');
    await api(emu, 'conversations.join', { channel: 'C0ACMEOPS1' }, token);
    expect((await history({ channel: 'C0ACMEOPS1' })).ok).toBe(true);
    const incidents = await history({ channel: 'C0ACMEINCD' });
    expect(incidents).toMatchObject({ ok: true, messages: [] });
  });

  it('is granted by state.install() defaults', async () => {
    emu.state.reset();
    const installed = emu.state.install({ teamId: 'T0ACME0001' });
    expect(String(installed.scope).split(',')).toEqual(expect.arrayContaining(['channels:history', 'groups:history']));
    const res = await api(emu, 'conversations.history', { channel: 'C0ACMEINCD' }, String(installed.access_token));
    expect(res.body.ok).toBe(true);
  });
});
