import { describe, expect, it } from 'vitest';
import { fitBlocks, isHttpUrl } from './fit-blocks';
import { expectWithinSlackLimits } from './testing';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

describe('fitBlocks', () => {
  it('truncates texts to their limits with an ellipsis', () => {
    const [header, section] = fitBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } },
        { type: 'section', text: mrkdwn('s'.repeat(4_000)), fields: Array.from({ length: 12 }, () => mrkdwn('f'.repeat(2_500))) },
      ],
      { maxBlocks: 50 },
    );
    expect(header?.type === 'header' && header.text.text).toBe(`${'h'.repeat(149)}…`);
    expect(section?.type === 'section' && section.text?.text.length).toBe(3_000);
    expect(section?.type === 'section' && section.fields?.map((field) => field.text.length)).toEqual(Array(10).fill(2_000));
  });

  it('drops unknown blocks, empty texts and images without a valid URL', () => {
    const fitted = fitBlocks(
      [
        { type: 'rich_text' },
        null,
        { type: 'section', text: mrkdwn('   ') },
        { type: 'image', image_url: 'not a url', alt_text: 'x' },
        { type: 'context', elements: [mrkdwn(''), ...Array.from({ length: 12 }, () => mrkdwn('c'))] },
      ],
      { maxBlocks: 50 },
    );
    expect(fitted).toEqual([{ type: 'context', elements: Array(10).fill(mrkdwn('c')) }]);
  });

  it('makes block ids unique and short enough, avoiding reserved ones', () => {
    const long = 'b'.repeat(300);
    const fitted = fitBlocks(
      [{ type: 'divider', block_id: long }, { type: 'divider', block_id: long }, { type: 'divider', block_id: 'mine' }],
      { maxBlocks: 50, reservedIds: ['mine'] },
    );
    expect(fitted.map((block) => block.block_id)).toEqual(['b'.repeat(255), `${'b'.repeat(253)}_2`, 'mine_2']);
    expectWithinSlackLimits(fitted);
  });

  it('replaces blocks past the maximum with a note of how many were left out', () => {
    const fitted = fitBlocks(Array.from({ length: 12 }, () => ({ type: 'divider' })), { maxBlocks: 5 });
    expect(fitted).toHaveLength(5);
    expect(fitted[4]).toEqual({ type: 'context', elements: [mrkdwn('_8 more blocks not shown_')] });
  });

  it('keeps one of each repeated action id in an actions block', () => {
    const button = { type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: 'go' };
    const [actions] = fitBlocks([{ type: 'actions', elements: [button, button] }], { maxBlocks: 50 });
    expect(actions?.type === 'actions' && actions.elements).toHaveLength(1);
  });
});

describe('isHttpUrl', () => {
  it('accepts only absolute http(s) URLs of at most 3000 characters', () => {
    expect(isHttpUrl('https://e.com/x?y=1')).toBe(true);
    expect(isHttpUrl('http://localhost:3000')).toBe(true);
    expect(isHttpUrl('mailto:a@b.c')).toBe(false);
    expect(isHttpUrl('/relative')).toBe(false);
    expect(isHttpUrl(`https://e.com/${'a'.repeat(3_000)}`)).toBe(false);
  });
});
