import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, startTestEmulator } from './test-support';

let emu: SlackEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
  token = String(emu.state.install({ teamId: 'T0ACME0001' }).access_token);
});
afterAll(() => emu.close());

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (text: string, action_id = 'ack', extra: object = {}) => ({ type: 'button', text: plain(text), action_id, ...extra });

const post = (blocks: unknown) => api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'fallback', blocks }, token);

describe('Block Kit limits on chat.postMessage', () => {
  const cases: [string, unknown[], string][] = [
    ['header over 150', [{ type: 'header', text: plain('h'.repeat(151)) }], 'must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    ['section text over 3000', [{ type: 'section', text: mrkdwn('s'.repeat(3001)) }], 'must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    ['11 fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }], 'no more than 10 items allowed [json-pointer:/blocks/0/fields]'],
    ['field over 2000', [{ type: 'section', fields: [mrkdwn('f'.repeat(2001))] }], 'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]'],
    ['button text over 75', [{ type: 'actions', elements: [button('b'.repeat(76))] }], 'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]'],
    ['action_id over 255', [{ type: 'actions', elements: [button('ok', 'a'.repeat(256))] }], 'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]'],
    ['button value over 2000', [{ type: 'actions', elements: [button('ok', 'ack', { value: 'v'.repeat(2001) })] }], 'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]'],
    ['51 blocks', Array.from({ length: 51 }, () => ({ type: 'divider' })), 'no more than 50 items allowed [json-pointer:/blocks]'],
    ['duplicate block_id', [{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }], 'duplicate block_id: x [json-pointer:/blocks/1/block_id]'],
    ['duplicate action_id', [{ type: 'actions', elements: [button('a'), button('b')] }], 'duplicate action_id: ack [json-pointer:/blocks/0/elements/1/action_id]'],
    ['26 action elements', [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button('b', `a${i}`)) }], 'no more than 25 items allowed [json-pointer:/blocks/0/elements]'],
    ['11 context elements', [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }], 'no more than 10 items allowed [json-pointer:/blocks/0/elements]'],
    ['unknown block type', [{ type: 'carousel' }], 'unsupported type: carousel [json-pointer:/blocks/0/type]'],
    ['input block in a message', [{ type: 'input', label: plain('x'), element: { type: 'plain_text_input' } }], 'unsupported type: input [json-pointer:/blocks/0/type]'],
  ];

  it.each(cases)('rejects %s', async (_name, blocks, message) => {
    const res = await post(blocks);
    expect(res.body).toEqual({ ok: false, error: 'invalid_blocks', errors: [message], response_metadata: { messages: [`[ERROR] ${message}`] } });
  });

  it('accepts blocks at the limits and stores them with generated ids', async () => {
    const blocks = [
      { type: 'header', text: plain('h'.repeat(150)) },
      { type: 'section', text: mrkdwn('s'.repeat(3000)), fields: Array.from({ length: 10 }, () => mrkdwn('f'.repeat(2000))) },
      { type: 'actions', elements: [button('b'.repeat(75), 'a'.repeat(255), { style: 'primary', value: 'v'.repeat(2000) })] },
      ...Array.from({ length: 47 }, () => ({ type: 'divider' })),
    ];
    const res = await post(blocks);
    expect(res.body.ok).toBe(true);
    const stored = (res.body.message as { blocks: { block_id: string }[] }).blocks;
    expect(stored).toHaveLength(50);
    expect(stored.every((b) => typeof b.block_id === 'string' && b.block_id.length > 0)).toBe(true);
  });

  it('rejects blocks that are not a JSON array', async () => {
    expect((await post('{not json')).body.error).toBe('invalid_blocks_format');
  });

  it('validates chat.update blocks too, and views with their own limit of 100', async () => {
    const ts = String((await post([{ type: 'divider' }])).body.ts);
    const update = await api(emu, 'chat.update', { channel: 'C0ACMEALRT', ts, blocks: [{ type: 'header', text: plain('h'.repeat(151)) }] }, token);
    expect(update.body.error).toBe('invalid_blocks');
    const view = (n: number) => ({ type: 'home', blocks: Array.from({ length: n }, () => ({ type: 'divider' })) });
    expect((await api(emu, 'views.publish', { user_id: 'U0ACMEOWN1', view: view(100) }, token)).body.ok).toBe(true);
    const tooMany = await api(emu, 'views.publish', { user_id: 'U0ACMEOWN1', view: view(101) }, token);
    expect(tooMany.body).toMatchObject({ error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'] } });
  });
});
