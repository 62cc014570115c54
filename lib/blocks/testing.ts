// Test support for the block tests: an independent check of Slack's limits on a rendered message.
import { expect } from 'vitest';
import type { Block } from './block-kit';
import * as limits from './limits';

function expectText(text: { type: string; text: string } | undefined, max: number): void {
  if (!text) return;
  expect(['plain_text', 'mrkdwn']).toContain(text.type);
  expect(text.text.trim().length).toBeGreaterThan(0);
  expect(text.text.length).toBeLessThanOrEqual(max);
}

/** expectWithinSlackLimits asserts that `blocks` respect every Block Kit limit a message is checked against. */
export function expectWithinSlackLimits(blocks: Block[]): void {
  expect(blocks.length).toBeLessThanOrEqual(limits.MAX_MESSAGE_BLOCKS);
  const blockIds = blocks.flatMap((block) => (block.block_id === undefined ? [] : [block.block_id]));
  expect(new Set(blockIds).size).toBe(blockIds.length);
  for (const block of blocks) {
    expect(block.block_id?.length ?? 0).toBeLessThanOrEqual(limits.MAX_ID);
    if (block.type === 'header') {
      expect(block.text.type).toBe('plain_text');
      expectText(block.text, limits.MAX_HEADER_TEXT);
    } else if (block.type === 'section') {
      expect(block.text ?? block.fields).toBeDefined();
      expectText(block.text, limits.MAX_SECTION_TEXT);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(limits.MAX_SECTION_FIELDS);
      block.fields?.forEach((field) => expectText(field, limits.MAX_SECTION_FIELD_TEXT));
    } else if (block.type === 'context') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(limits.MAX_CONTEXT_ELEMENTS);
    } else if (block.type === 'actions') {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(limits.MAX_ACTIONS_ELEMENTS);
      for (const button of block.elements) {
        if (button.type === 'static_select') {
          expectText(button.placeholder, limits.MAX_BUTTON_TEXT);
          expect(button.options.length).toBeLessThanOrEqual(100);
          button.options.forEach((option) => expect(option.value.length).toBeLessThanOrEqual(limits.MAX_OPTION_VALUE));
          continue;
        }
        expectText(button.text, limits.MAX_BUTTON_TEXT);
        expect(button.value?.length ?? 0).toBeLessThanOrEqual(limits.MAX_BUTTON_VALUE);
        expect(button.url?.length ?? 0).toBeLessThanOrEqual(limits.MAX_URL);
        expect(button.action_id?.length ?? 0).toBeLessThanOrEqual(limits.MAX_ID);
      }
    }
  }
}
