// Rendered blocks are rebuilt here from known properties only, with every text cut to Slack's limits, empty
// parts dropped and block ids made unique: whatever an alert or a stored template holds, Slack must never
// answer `invalid_blocks`.
import type { Block, ButtonElement, ImageElement, PlainText, TextObject } from './block-kit';
import { truncate, truncateMrkdwn } from './escape-mrkdwn';
import {
  MAX_ACTIONS_ELEMENTS,
  MAX_ALT_TEXT,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_HEADER_TEXT,
  MAX_ID,
  MAX_SECTION_FIELD_TEXT,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
  MAX_URL,
} from './limits';

/** RESERVED_ACTION_PREFIX starts the action ids of Klaxon's own alert buttons; templates may not use it. */
export const RESERVED_ACTION_PREFIX = 'alert_';

type Json = Record<string, unknown>;

/** isObject tells whether a JSON value is an object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** isHttpUrl tells whether `value` is an absolute http(s) URL of at most MAX_URL characters. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

function fitPlainText(value: unknown, max: number): PlainText | undefined {
  if (!isObject(value)) return undefined;
  const text = truncate(stringOf(value.text) ?? '', max);
  if (text.trim() === '') return undefined;
  return typeof value.emoji === 'boolean' ? { type: 'plain_text', text, emoji: value.emoji } : { type: 'plain_text', text };
}

function fitText(value: unknown, max: number): TextObject | undefined {
  if (!isObject(value)) return undefined;
  if (value.type !== 'mrkdwn') return value.type === 'plain_text' ? fitPlainText(value, max) : undefined;
  const text = truncateMrkdwn(stringOf(value.text) ?? '', max);
  if (text.trim() === '') return undefined;
  return typeof value.verbatim === 'boolean' ? { type: 'mrkdwn', text, verbatim: value.verbatim } : { type: 'mrkdwn', text };
}

function fitImage(value: Json): ImageElement | undefined {
  if (!isHttpUrl(value.image_url)) return undefined;
  const altText = truncate(stringOf(value.alt_text) ?? '', MAX_ALT_TEXT);
  return { type: 'image', image_url: value.image_url, alt_text: altText.trim() === '' ? 'image' : altText };
}

function fitButton(value: unknown): ButtonElement | undefined {
  if (!isObject(value) || value.type !== 'button') return undefined;
  const text = fitPlainText(value.text, MAX_BUTTON_TEXT);
  const actionId = stringOf(value.action_id);
  // A link that doesn't parse would fail the whole message; a template's `alert_*` id would trigger our handlers.
  if (!text || (value.url !== undefined && !isHttpUrl(value.url))) return undefined;
  if (actionId !== undefined && (actionId === '' || actionId.length > MAX_ID || actionId.startsWith(RESERVED_ACTION_PREFIX))) {
    return undefined;
  }
  const button: ButtonElement = { type: 'button', text };
  if (actionId !== undefined) button.action_id = actionId;
  const buttonValue = stringOf(value.value);
  if (buttonValue) button.value = truncate(buttonValue, MAX_BUTTON_VALUE);
  if (isHttpUrl(value.url)) button.url = value.url;
  if (value.style === 'primary' || value.style === 'danger') button.style = value.style;
  return button;
}

function fitElement(value: unknown, maxText: number): TextObject | ImageElement | undefined {
  if (isObject(value) && value.type === 'image') return fitImage(value);
  return fitText(value, maxText);
}

function present<T>(items: ReadonlyArray<T | undefined>): T[] {
  return items.filter((item): item is T => item !== undefined);
}

function fitContent(block: Json): Block | undefined {
  switch (block.type) {
    case 'header': {
      const text = fitPlainText(block.text, MAX_HEADER_TEXT);
      return text && { type: 'header', text };
    }
    case 'section': {
      const text = fitText(block.text, MAX_SECTION_TEXT);
      const fields = present((Array.isArray(block.fields) ? block.fields : []).map((f) => fitText(f, MAX_SECTION_FIELD_TEXT)));
      if (!text && fields.length === 0) return undefined;
      const accessory = isObject(block.accessory) && block.accessory.type === 'image'
        ? fitImage(block.accessory)
        : fitButton(block.accessory);
      return {
        type: 'section',
        ...(text && { text }),
        ...(fields.length > 0 && { fields: fields.slice(0, MAX_SECTION_FIELDS) }),
        ...(accessory && { accessory }),
      };
    }
    case 'divider':
      return { type: 'divider' };
    case 'context': {
      const elements = present((Array.isArray(block.elements) ? block.elements : []).map((e) => fitElement(e, MAX_SECTION_TEXT)));
      return elements.length > 0 ? { type: 'context', elements: elements.slice(0, MAX_CONTEXT_ELEMENTS) } : undefined;
    }
    case 'actions': {
      // Slack wants action ids unique within a block: a repeated one is dropped with its button.
      const actionIds = new Set<string>();
      const elements = present((Array.isArray(block.elements) ? block.elements : []).map(fitButton)).filter((button) => {
        if (button.action_id === undefined) return true;
        const fresh = !actionIds.has(button.action_id);
        actionIds.add(button.action_id);
        return fresh;
      });
      return elements.length > 0 ? { type: 'actions', elements: elements.slice(0, MAX_ACTIONS_ELEMENTS) } : undefined;
    }
    case 'image': {
      const image = fitImage(block);
      const title = fitPlainText(block.title, MAX_ALT_TEXT);
      return image && { ...image, ...(title && { title }) };
    }
    default:
      return undefined;
  }
}

// Slack wants block ids unique within a message: a repeated one gets a numeric suffix.
function uniqueBlockId(requested: string, taken: Set<string>): string {
  let candidate = requested.slice(0, MAX_ID);
  for (let n = 2; taken.has(candidate); n += 1) {
    const suffix = `_${n}`;
    candidate = requested.slice(0, MAX_ID - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}

/**
 * fitBlocks rebuilds `blocks` within Slack's limits: unknown block types and properties are dropped, texts
 * truncated with `…`, empty texts and blocks removed, block ids made unique (never one of `reservedIds`), and
 * past `maxBlocks` the rest is replaced by a context line saying how many blocks were left out.
 */
export function fitBlocks(
  blocks: readonly unknown[],
  { maxBlocks, reservedIds = [] }: { maxBlocks: number; reservedIds?: readonly string[] },
): Block[] {
  const taken = new Set(reservedIds);
  const fitted: Block[] = [];
  for (const block of blocks) {
    if (!isObject(block)) continue;
    const content = fitContent(block);
    if (!content) continue;
    const blockId = stringOf(block.block_id);
    fitted.push(blockId ? { ...content, block_id: uniqueBlockId(blockId, taken) } : content);
  }
  if (fitted.length <= maxBlocks) return fitted;
  const kept = fitted.slice(0, Math.max(maxBlocks - 1, 0));
  const omitted = fitted.length - kept.length;
  const notice: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: `_${omitted} more blocks not shown_` }] };
  return maxBlocks > 0 ? [...kept, notice] : [];
}
