import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, installBot, startTestEmulator } from './test-support';

let emu: SlackEmulator;
let token: string;
let narrow: string;

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.state.reset();
  token = await installBot(emu, 'chat:write,reactions:write,channels:history');
});

const post = async (params: Record<string, unknown>) => String((await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', ...params }, token)).body.ts);

describe('reactions.add', () => {
  it('adds a reaction once, shows it on the message, and answers as Slack does otherwise', async () => {
    const ts = await post({ text: 'disk full' });
    expect((await api(emu, 'reactions.add', { channel: 'C0ACMEALRT', timestamp: ts, name: 'white_check_mark' }, token)).body).toEqual({ ok: true });
    expect((await api(emu, 'reactions.add', { channel: 'C0ACMEALRT', timestamp: ts, name: ':white_check_mark:' }, token)).body).toMatchObject({ ok: false, error: 'already_reacted' });
    const history = await api(emu, 'conversations.history', { channel: 'C0ACMEALRT' }, token);
    const message = (history.body.messages as Array<Record<string, unknown>>).find((m) => m.ts === ts);
    expect(message?.reactions).toEqual([{ name: 'white_check_mark', users: [expect.any(String)], count: 1 }]);

    expect((await api(emu, 'reactions.add', { channel: 'C0ACMEALRT', timestamp: ts, name: 'Not An Emoji!' }, token)).body.error).toBe('invalid_name');
    expect((await api(emu, 'reactions.add', { channel: 'C0ACMEALRT', timestamp: '1.2', name: 'eyes' }, token)).body.error).toBe('message_not_found');
    expect((await api(emu, 'reactions.add', { channel: 'C0ACMEALRT', name: 'eyes' }, token)).body.error).toBe('no_item_specified');
    expect((await api(emu, 'reactions.add', { channel: 'C0NOPE', timestamp: ts, name: 'eyes' }, token)).body.error).toBe('channel_not_found');
  });

  it('needs reactions:write', async () => {
    emu.state.reset(); // a reinstall adds to the scopes granted before, as on Slack: start over
    narrow = await installBot(emu, 'chat:write');
    const ts = String((await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'x' }, narrow)).body.ts);
    expect((await api(emu, 'reactions.add', { channel: 'C0ACMEALRT', timestamp: ts, name: 'eyes' }, narrow)).body).toMatchObject({ ok: false, error: 'missing_scope', needed: 'reactions:write' });
  });
});

describe('chat.getPermalink', () => {
  it("gives the message's permalink (a reply's with its thread), or message_not_found", async () => {
    const ts = await post({ text: 'parent' });
    const reply = await post({ text: 'child', thread_ts: ts });
    const parent = await api(emu, 'chat.getPermalink', { channel: 'C0ACMEALRT', message_ts: ts }, token);
    expect(parent.body).toEqual({ ok: true, channel: 'C0ACMEALRT', permalink: `https://acme-sandbox.slack.com/archives/C0ACMEALRT/p${ts.replace('.', '')}` });
    const child = await api(emu, 'chat.getPermalink', { channel: 'C0ACMEALRT', message_ts: reply }, token);
    expect(child.body.permalink).toBe(`https://acme-sandbox.slack.com/archives/C0ACMEALRT/p${reply.replace('.', '')}?thread_ts=${ts}&cid=C0ACMEALRT`);
    expect((await api(emu, 'chat.getPermalink', { channel: 'C0ACMEALRT', message_ts: '1.000001' }, token)).body.error).toBe('message_not_found');
  });
});
