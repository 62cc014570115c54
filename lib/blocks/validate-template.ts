// Checks a template when it is saved, so that mistakes are reported to its author with a pointer to the
// problem instead of surfacing later as Slack's `invalid_blocks` on a real alert.
import { RESERVED_ACTION_PREFIX, isHttpUrl, isObject } from './fit-blocks';
import {
  MAX_ACTIONS_ELEMENTS,
  MAX_ALT_TEXT,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_HEADER_TEXT,
  MAX_ID,
  MAX_MESSAGE_BLOCKS,
  MAX_SECTION_FIELD_TEXT,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
  MAX_URL,
} from './limits';
import { PLACEHOLDER_NAMES, findPlaceholders, isKnownPlaceholder, stripPlaceholders } from './placeholders';
import type { TemplateBlocks } from './block-kit';

export type { Block, TemplateBlocks } from './block-kit';

/** TemplateError is one problem of a template: a JSON pointer (`/blocks/2/text/text`) and what is wrong there. */
export interface TemplateError {
  path: string;
  message: string;
}

/** MAX_TEMPLATE_BLOCKS is Slack's block limit minus the actions block that Klaxon appends to every alert. */
export const MAX_TEMPLATE_BLOCKS = MAX_MESSAGE_BLOCKS - 1;

/** RESERVED_BLOCK_ID_PREFIX starts the block ids of Klaxon's own blocks; templates may not use it. */
export const RESERVED_BLOCK_ID_PREFIX = 'klaxon_';

type Json = Record<string, unknown>;

const KNOWN_PLACEHOLDERS = [...PLACEHOLDER_NAMES, 'fields.<name>'].map((name) => `{{${name}}}`).join(', ');

// Collects errors while walking a template; each check reports at the JSON pointer of what it looks at.
class Checker {
  readonly errors: TemplateError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  object(value: unknown, path: string, what: string, allowed: readonly string[]): value is Json {
    if (!isObject(value)) {
      this.fail(path, `must be ${what}`);
      return false;
    }
    // Slack refuses properties it doesn't know, so we do too, naming them.
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(`${path}/${key}`, `is not a property of ${what}`);
    }
    return true;
  }

  // A string whose literal part (placeholders aside) must fit `max`; `required` strings must be present.
  string(parent: Json, key: string, path: string, { max, required = false }: { max: number; required?: boolean }): string | undefined {
    const value = parent[key];
    if (value === undefined) {
      if (required) this.fail(`${path}/${key}`, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.fail(`${path}/${key}`, 'must be a string');
      return undefined;
    }
    if (required && value.trim() === '') this.fail(`${path}/${key}`, 'must not be empty');
    const literal = stripPlaceholders(value).length;
    if (literal > max) this.fail(`${path}/${key}`, `must be at most ${max} characters (this text has ${literal} besides its placeholders)`);
    return value;
  }

  url(parent: Json, key: string, path: string, required: boolean): void {
    const value = this.string(parent, key, path, { max: MAX_URL, required });
    // A URL built from placeholders can only be checked when rendered; a literal one is checked now.
    if (value !== undefined && findPlaceholders(value).length === 0 && !isHttpUrl(value)) {
      this.fail(`${path}/${key}`, 'must be an http or https URL');
    }
  }

  text(value: unknown, path: string, max: number, plainOnly = false): void {
    if (!isObject(value) || (value.type !== 'plain_text' && value.type !== 'mrkdwn')) {
      this.fail(path, plainOnly ? 'must be a plain_text text object' : 'must be a text object ({ "type": "plain_text" or "mrkdwn", "text" })');
      return;
    }
    if (plainOnly && value.type !== 'plain_text') this.fail(`${path}/type`, 'must be plain_text here: Slack does not allow mrkdwn in this place');
    const flag = value.type === 'plain_text' ? 'emoji' : 'verbatim';
    this.object(value, path, `a ${value.type} text object`, ['type', 'text', flag]);
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') this.fail(`${path}/${flag}`, 'must be true or false');
    this.string(value, 'text', path, { max, required: true });
  }

  image(value: unknown, path: string, allowed: readonly string[]): void {
    if (!this.object(value, path, 'an image', allowed)) return;
    this.url(value, 'image_url', path, true);
    this.string(value, 'alt_text', path, { max: MAX_ALT_TEXT, required: true });
    if (value.title !== undefined) this.text(value.title, `${path}/title`, MAX_ALT_TEXT, true);
  }

  button(value: unknown, path: string, actionIds: Set<string>): void {
    if (!this.object(value, path, 'a button', ['type', 'text', 'action_id', 'value', 'url', 'style'])) return;
    if (value.type !== 'button') this.fail(`${path}/type`, 'must be "button": templates support only buttons here');
    this.text(value.text, `${path}/text`, MAX_BUTTON_TEXT, true);
    const actionId = this.string(value, 'action_id', path, { max: MAX_ID });
    if (actionId?.startsWith(RESERVED_ACTION_PREFIX)) {
      this.fail(`${path}/action_id`, `must not start with "${RESERVED_ACTION_PREFIX}": those ids are reserved for Klaxon's alert buttons`);
    } else if (actionId !== undefined && actionIds.has(actionId)) {
      this.fail(`${path}/action_id`, `"${actionId}" is used twice in this block`);
    }
    if (actionId !== undefined) actionIds.add(actionId);
    this.string(value, 'value', path, { max: MAX_BUTTON_VALUE });
    this.url(value, 'url', path, false);
    if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') {
      this.fail(`${path}/style`, 'must be "primary" or "danger"');
    }
  }

  list(value: unknown, path: string, { max, noun }: { max: number; noun: string }): unknown[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(path, `must be a non-empty array of ${noun}s`);
      return [];
    }
    if (value.length > max) this.fail(path, `must have at most ${max} ${noun}s`);
    return value;
  }
}

const BLOCK_KEYS: Record<string, readonly string[]> = {
  header: ['type', 'block_id', 'text'],
  section: ['type', 'block_id', 'text', 'fields', 'accessory'],
  divider: ['type', 'block_id'],
  context: ['type', 'block_id', 'elements'],
  actions: ['type', 'block_id', 'elements'],
  image: ['type', 'block_id', 'image_url', 'alt_text', 'title'],
};

function checkBlock(check: Checker, block: Json, path: string): void {
  switch (block.type) {
    case 'header':
      return check.text(block.text, `${path}/text`, MAX_HEADER_TEXT, true);
    case 'section':
      if (block.text === undefined && block.fields === undefined) check.fail(path, 'a section needs "text", "fields" or both');
      if (block.text !== undefined) check.text(block.text, `${path}/text`, MAX_SECTION_TEXT);
      if (block.fields !== undefined) {
        check.list(block.fields, `${path}/fields`, { max: MAX_SECTION_FIELDS, noun: 'field' })
          .forEach((field, i) => check.text(field, `${path}/fields/${i}`, MAX_SECTION_FIELD_TEXT));
      }
      if (isObject(block.accessory) && block.accessory.type === 'image') {
        check.image(block.accessory, `${path}/accessory`, ['type', 'image_url', 'alt_text']);
      } else if (block.accessory !== undefined) {
        check.button(block.accessory, `${path}/accessory`, new Set());
      }
      return;
    case 'context':
      check.list(block.elements, `${path}/elements`, { max: MAX_CONTEXT_ELEMENTS, noun: 'element' }).forEach((element, i) =>
        isObject(element) && element.type === 'image'
          ? check.image(element, `${path}/elements/${i}`, ['type', 'image_url', 'alt_text'])
          : check.text(element, `${path}/elements/${i}`, MAX_SECTION_TEXT),
      );
      return;
    case 'actions': {
      const actionIds = new Set<string>();
      check.list(block.elements, `${path}/elements`, { max: MAX_ACTIONS_ELEMENTS, noun: 'element' })
        .forEach((element, i) => check.button(element, `${path}/elements/${i}`, actionIds));
      return;
    }
    case 'image':
      return check.image(block, path, BLOCK_KEYS.image ?? []);
  }
}

// Placeholders may appear in any string of the template, so every string is searched, wherever it is.
function checkPlaceholders(check: Checker, node: unknown, path: string): void {
  if (typeof node === 'string') {
    for (const name of findPlaceholders(node)) {
      if (!isKnownPlaceholder(name)) check.fail(path, `unknown placeholder {{${name}}}; known ones are ${KNOWN_PLACEHOLDERS}`);
    }
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => checkPlaceholders(check, item, `${path}/${i}`));
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) checkPlaceholders(check, value, `${path}/${key}`);
  }
}

/**
 * validateTemplate checks a template's blocks (an array, or Block Kit Builder's `{ "blocks": [...] }`): known
 * block types and properties only, required shapes, Slack's limits on counts and on literal text lengths,
 * known placeholders only, and no ids reserved for Klaxon's own blocks and buttons. Errors carry JSON pointers
 * rooted at `/blocks`.
 */
export function validateTemplate(
  input: unknown,
): { ok: true; blocks: TemplateBlocks } | { ok: false; errors: TemplateError[] } {
  const blocks = isObject(input) && Object.keys(input).length === 1 ? input.blocks : input;
  const check = new Checker();
  if (!Array.isArray(blocks)) {
    check.fail('/blocks', 'must be an array of blocks');
    return { ok: false, errors: check.errors };
  }
  if (blocks.length === 0) check.fail('/blocks', 'must have at least one block');
  if (blocks.length > MAX_TEMPLATE_BLOCKS) {
    check.fail('/blocks', `must have at most ${MAX_TEMPLATE_BLOCKS} blocks (Slack allows ${MAX_MESSAGE_BLOCKS}, and Klaxon adds the alert buttons)`);
  }
  const blockIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const path = `/blocks/${i}`;
    const type = isObject(block) ? block.type : undefined;
    // Own keys only: a block of type `__proto__` or `constructor` is no block Klaxon knows.
    const allowed = typeof type === 'string' && Object.hasOwn(BLOCK_KEYS, type) ? BLOCK_KEYS[type] : undefined;
    if (!allowed) {
      check.fail(isObject(block) ? `${path}/type` : path, `must be a block of type ${Object.keys(BLOCK_KEYS).join(', ')}`);
      return;
    }
    if (!check.object(block, path, `a ${String(type)} block`, allowed)) return;
    const blockId = check.string(block, 'block_id', path, { max: MAX_ID });
    if (blockId?.startsWith(RESERVED_BLOCK_ID_PREFIX)) {
      check.fail(`${path}/block_id`, `must not start with "${RESERVED_BLOCK_ID_PREFIX}": those ids are reserved for Klaxon's blocks`);
    } else if (blockId !== undefined && blockIds.has(blockId)) {
      check.fail(`${path}/block_id`, `"${blockId}" is used by another block`);
    }
    if (blockId !== undefined) blockIds.add(blockId);
    checkBlock(check, block, path);
  });
  checkPlaceholders(check, blocks, '/blocks');
  return check.errors.length === 0 ? { ok: true, blocks: blocks as TemplateBlocks } : { ok: false, errors: check.errors };
}
