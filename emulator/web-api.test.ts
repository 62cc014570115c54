import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, installBot, startTestEmulator } from './test-support';

const ALL_SCOPES = 'chat:write,channels:read,groups:read,channels:join,users:read,team:read';
let emu: SlackEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  token = await installBot(emu, ALL_SCOPES);
});

describe('authentication', () => {
  it('answers not_authed, invalid_auth and token_revoked', async () => {
    expect((await api(emu, 'auth.test')).body.error).toBe('not_authed');
    expect((await api(emu, 'auth.test', {}, 'xoxb-nope')).body.error).toBe('invalid_auth');
    emu.state.revokeTokens('T0ACME0001');
    const revoked = await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'hi' }, token);
    expect(revoked).toMatchObject({ status: 200, body: { ok: false, error: 'token_revoked' } });
  });

  it('accepts the token as a form field and JSON bodies with a bearer header', async () => {
    expect((await api(emu, 'auth.test', { token })).body.ok).toBe(true);
    const res = await fetch(`${emu.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0ACMEALRT', text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C0ACMEALRT', message: { text: 'json' } });
  });

  it('answers missing_scope with needed and provided', async () => {
    emu.state.reset();
    const narrow = await installBot(emu, 'channels:read');
    const res = await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'hi' }, narrow);
    expect(res.body).toEqual({ ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:read' });
    expect((await api(emu, 'conversations.list', { types: 'private_channel' }, narrow)).body).toMatchObject({ error: 'missing_scope', needed: 'groups:read' });
  });

  it('answers unknown methods with HTTP 404 unknown_method', async () => {
    const res = await api(emu, 'chat.postMessagez', {}, token);
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown_method');
  });

  it('records calls without secrets', async () => {
    await api(emu, 'auth.test', { token });
    const [call] = emu.state.calls('auth.test');
    expect(call).toMatchObject({ method: 'auth.test', teamId: 'T0ACME0001', ok: true });
    expect(call?.params).not.toHaveProperty('token');
    const listed = (await (await fetch(`${emu.url}/_emulator/calls?method=oauth.v2.access`)).json()) as { calls: { params: object }[] };
    expect(listed.calls).toHaveLength(1);
    expect(listed.calls[0]?.params).not.toHaveProperty('client_secret');
  });
});

describe('channels', () => {
  it('refuses a channel the bot is not in, then posts after conversations.join', async () => {
    const post = () => api(emu, 'chat.postMessage', { channel: 'C0ACMEOPS1', text: 'deploy done' }, token);
    expect((await post()).body.error).toBe('not_in_channel');
    const join = await api(emu, 'conversations.join', { channel: 'C0ACMEOPS1' }, token);
    expect(join.body).toMatchObject({ ok: true, channel: { id: 'C0ACMEOPS1', is_member: true } });
    const posted = await post();
    expect(posted.body).toMatchObject({ ok: true, channel: 'C0ACMEOPS1', message: { text: 'deploy done', bot_id: 'B0ACMEBOT1' } });
    expect(String(posted.body.ts)).toMatch(/^\d{10}\.\d{6}$/);
    expect(emu.state.messages('C0ACMEOPS1').map((m) => m.text)).toEqual(['deploy done']);
  });

  it('hides other workspaces and private channels the bot is not in, and refuses archived ones', async () => {
    const post = async (channel: string) => (await api(emu, 'chat.postMessage', { channel, text: 'x' }, token)).body.error;
    expect(await post('C0GLBXALRT')).toBe('channel_not_found');
    expect(await post('C0ACMESCRT')).toBe('channel_not_found');
    expect(await post('C0ACMEARCH')).toBe('is_archived');
    expect(await post('C0ACMEINCD')).toBeUndefined();
    expect((await api(emu, 'conversations.join', { channel: 'C0ACMEINCD' }, token)).body.error).toBe('method_not_supported_for_channel_type');
    expect((await api(emu, 'conversations.join', { channel: 'C0ACMEARCH' }, token)).body.error).toBe('is_archived');
  });

  it('pages through conversations.list, covering every visible channel exactly once', async () => {
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const res = await api(emu, 'conversations.list', { types: 'public_channel,private_channel', limit: '10', ...(cursor ? { cursor } : {}) }, token);
      const channels = res.body.channels as { id: string; is_member: boolean }[];
      expect(channels.length).toBeLessThanOrEqual(10);
      seen.push(...channels.map((c) => c.id));
      cursor = (res.body.response_metadata as { next_cursor: string }).next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(26);
    expect(seen).toContain('C0ACMEINCD');
    expect(seen).not.toContain('C0ACMESCRT');
    const active = await api(emu, 'conversations.list', { exclude_archived: 'true', limit: '100' }, token);
    expect((active.body.channels as { id: string }[]).map((c) => c.id)).not.toContain('C0ACMEARCH');
  });

  it('describes users and the team', async () => {
    const user = await api(emu, 'users.info', { user: 'U0ACMEOWN1' }, token);
    expect(user.body.user).toMatchObject({ id: 'U0ACMEOWN1', is_admin: true, is_owner: true, tz: 'Europe/London', profile: { real_name: 'Ada Lovelace' } });
    expect((user.body.user as { profile: object }).profile).not.toHaveProperty('email');
    expect((await api(emu, 'users.info', { user: 'U0NOPE' }, token)).body.error).toBe('user_not_found');
    expect((await api(emu, 'team.info', {}, token)).body.team).toMatchObject({ id: 'T0ACME0001', domain: 'acme-sandbox' });
  });
});

describe('messages', () => {
  it('updates the bot’s own messages only', async () => {
    const posted = await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'CPU high' }, token);
    const ts = String(posted.body.ts);
    const updated = await api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts, text: 'CPU high — acknowledged' }, token);
    expect(updated.body).toMatchObject({ ok: true, ts, text: 'CPU high — acknowledged', message: { edited: { user: 'U0ACMEBOT1' } } });
    expect((await api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts: '1.000001', text: 'x' }, token)).body.error).toBe('message_not_found');
    const welcome = emu.state.messages('C0ACMEGENL')[0]?.ts ?? '';
    expect((await api(emu, 'chat.update', { channel: 'C0ACMEGENL', ts: welcome, text: 'x' }, token)).body.error).toBe('cant_update_message');
  });

  it('threads replies and requires text or blocks', async () => {
    const parent = await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'parent' }, token);
    const reply = await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'reply', thread_ts: String(parent.body.ts) }, token);
    expect(reply.body.message).toMatchObject({ thread_ts: parent.body.ts });
    expect((await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT' }, token)).body.error).toBe('no_text');
    expect((await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'x'.repeat(40_001) }, token)).body.error).toBe('msg_too_long');
  });

  it('posts ephemeral messages to members only', async () => {
    const ok = await api(emu, 'chat.postEphemeral', { channel: 'C0ACMEINCD', user: 'U0ACMEMEM1', text: 'psst' }, token);
    expect(ok.body).toMatchObject({ ok: true });
    expect(emu.state.ephemeralMessages('C0ACMEINCD', 'U0ACMEMEM1').map((m) => m.text)).toEqual(['psst']);
  });
});

describe('views', () => {
  it('publishes App Home views and opens modals with a fresh trigger_id only once', async () => {
    const home = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Hi*' } }] };
    expect((await api(emu, 'views.publish', { user_id: 'U0ACMEMEM1', view: home }, token)).body).toMatchObject({ ok: true, view: { type: 'home' } });
    expect(emu.state.homeView('T0ACME0001', 'U0ACMEMEM1')?.blocks).toHaveLength(1);
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'Note' }, submit: { type: 'plain_text', text: 'Save' }, blocks: [] };
    const trigger = emu.state.credentials.issueTrigger('T0ACME0001', 'U0ACMEMEM1');
    expect((await api(emu, 'views.open', { trigger_id: trigger, view: modal }, token)).body.ok).toBe(true);
    expect((await api(emu, 'views.open', { trigger_id: trigger, view: modal }, token)).body.error).toBe('exchanged_trigger_id');
    expect((await api(emu, 'views.open', { trigger_id: '1.2.3', view: modal }, token)).body.error).toBe('invalid_trigger_id');
  });
});
