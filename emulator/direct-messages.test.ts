import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, installBot, startTestEmulator } from './test-support';

let emu: SlackEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

describe('conversations.open', () => {
  it('needs im:write, as Slack does', async () => {
    const token = await installBot(emu, 'chat:write,users:read');
    expect((await api(emu, 'conversations.open', { users: 'U0ACMEMEM2' }, token)).body).toEqual({ ok: false, error: 'missing_scope', needed: 'im:write', provided: 'chat:write,users:read' });
  });

  it('opens one DM per person (the same id again), which the bot can post to and conversations.list does not show', async () => {
    const token = await installBot(emu, 'chat:write,im:write,channels:read,groups:read');
    const opened = await api(emu, 'conversations.open', { users: 'U0ACMEMEM2' }, token);
    expect(opened.body).toMatchObject({ ok: true, channel: { id: expect.stringMatching(/^D/) as unknown } });
    const id = (opened.body.channel as { id: string }).id;
    expect((await api(emu, 'conversations.open', { users: 'U0ACMEMEM2' }, token)).body).toMatchObject({ ok: true, already_open: true, channel: { id } });
    expect((await api(emu, 'chat.postMessage', { channel: id, text: 'You are paged' }, token)).body).toMatchObject({ ok: true, channel: id });
    expect(emu.state.messages(id).map((m) => m.text)).toEqual(['You are paged']);
    const listed = await api(emu, 'conversations.list', { types: 'public_channel,private_channel', limit: 1000 }, token);
    expect((listed.body.channels as Array<{ id: string }>).map((c) => c.id)).not.toContain(id);
  });

  it('shows a DM in the browser by the person it is with, not by its id', async () => {
    const token = await installBot(emu, 'chat:write,im:write');
    const id = ((await api(emu, 'conversations.open', { users: 'U0ACMEMEM2' }, token)).body.channel as { id: string }).id;
    const page = await (await fetch(`${emu.url}/t/T0ACME0001/c/${id}`)).text();
    expect(page).toContain('<h1>✉ Katherine Johnson</h1>');
    expect(page).toContain('<title>✉ Katherine Johnson');
    expect(page).not.toContain(`#${id}`);
  });

  it('refuses unknown users, bots and group DMs', async () => {
    const token = await installBot(emu, 'chat:write,im:write');
    expect((await api(emu, 'conversations.open', { users: 'U0NOBODY1' }, token)).body.error).toBe('user_not_found');
    expect((await api(emu, 'conversations.open', {}, token)).body.error).toBe('users_list_not_supplied');
    expect((await api(emu, 'conversations.open', { users: 'U0ACMEOWN1,U0ACMEMEM2' }, token)).body.error).toBe('not_implemented');
  });
});
