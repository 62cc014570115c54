/**
 * Block Kit validation with Slack's limits and Slack-style error strings
 * (`must be less than 151 characters [json-pointer:/blocks/0/text/text]`).
 */
import { parseStructuredArg } from './method';

/** Surface is where blocks are shown: messages allow 50 blocks, modals and App Home 100 and input blocks. */
export type Surface = 'message' | 'modal' | 'home';

const MESSAGE_BLOCK_TYPES = ['header', 'section', 'divider', 'context', 'actions', 'image', 'rich_text', 'file', 'video'];
const VIEW_BLOCK_TYPES = [...MESSAGE_BLOCK_TYPES, 'input'];
const SIMPLE_ELEMENTS = ['datepicker', 'timepicker', 'datetimepicker', 'users_select', 'conversations_select', 'channels_select', 'external_select', 'multi_users_select', 'multi_conversations_select', 'multi_channels_select', 'checkboxes', 'radio_buttons', 'email_text_input', 'number_input', 'url_text_input', 'rich_text_input'];

/** parseBlocksParam reads a `blocks` argument (JSON string or array); `invalid` when it is neither. */
export function parseBlocksParam(value: unknown): unknown[] | 'invalid' | undefined {
  const parsed = parseStructuredArg(value);
  if (parsed === undefined) return undefined;
  return Array.isArray(parsed) ? parsed : 'invalid';
}

/** validateBlocks returns every limit violation of `blocks` on `surface`; an empty list means valid. */
export function validateBlocks(blocks: unknown[], surface: Surface): string[] {
  const check = new Checker();
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) check.fail('/blocks', `no more than ${max} items allowed`);
  const types = surface === 'message' ? MESSAGE_BLOCK_TYPES : VIEW_BLOCK_TYPES;
  blocks.forEach((block, i) => check.block(block, `/blocks/${i}`, types));
  return check.errors;
}

/** invalidBlocksResult is Slack's `invalid_blocks` error body for a list of violations. */
export function invalidBlocksResult(errors: string[]): Record<string, unknown> {
  return { ok: false, error: 'invalid_blocks', errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checker walks a block tree and collects violations with their JSON pointers. */
class Checker {
  readonly errors: string[] = [];
  private blockIds = new Set<string>();
  private actionIds = new Set<string>();

  fail(path: string, message: string): void {
    this.errors.push(`${message} [json-pointer:${path}]`);
  }

  block(block: unknown, path: string, types: string[]): void {
    if (!isObject(block)) return this.fail(path, 'must provide an object');
    if (typeof block.type !== 'string' || !types.includes(block.type)) return this.fail(`${path}/type`, `unsupported type: ${String(block.type)}`);
    this.uniqueId(block.block_id, `${path}/block_id`, this.blockIds, 'block_id');
    switch (block.type) {
      case 'header':
        return this.text(block.text, `${path}/text`, 150, { plainOnly: true });
      case 'section':
        return this.section(block, path);
      case 'context':
        return this.list(block.elements, `${path}/elements`, 10, (el, p) => this.contextElement(el, p));
      case 'actions':
        return this.list(block.elements, `${path}/elements`, 25, (el, p) => this.element(el, p));
      case 'image':
        return this.image(block, path);
      case 'input':
        this.text(block.label, `${path}/label`, 2000, { plainOnly: true });
        if (block.hint !== undefined) this.text(block.hint, `${path}/hint`, 2000, { plainOnly: true });
        return this.element(block.element, `${path}/element`);
      case 'rich_text':
        if (!Array.isArray(block.elements)) this.fail(`${path}/elements`, 'must provide an array');
    }
  }

  private section(block: Json, path: string): void {
    if (block.text === undefined && block.fields === undefined) return this.fail(path, 'must provide either text or fields');
    if (block.text !== undefined) this.text(block.text, `${path}/text`, 3000);
    if (block.fields !== undefined) this.list(block.fields, `${path}/fields`, 10, (f, p) => this.text(f, p, 2000));
    if (block.accessory !== undefined) this.element(block.accessory, `${path}/accessory`);
  }

  private image(el: Json, path: string): void {
    if (el.slack_file === undefined) this.string(el.image_url, `${path}/image_url`, 3000);
    this.string(el.alt_text, `${path}/alt_text`, 2000);
    if (el.title !== undefined) this.text(el.title, `${path}/title`, 2000, { plainOnly: true });
  }

  private contextElement(el: unknown, path: string): void {
    if (isObject(el) && el.type === 'image') return this.image(el, path);
    this.text(el, path, 3000);
  }

  /** element checks an interactive element (button, select, input …) or an image accessory. */
  private element(el: unknown, path: string): void {
    if (!isObject(el)) return this.fail(path, 'must provide an object');
    if (el.type === 'image') return this.image(el, path);
    this.uniqueId(el.action_id, `${path}/action_id`, this.actionIds, 'action_id');
    switch (el.type) {
      case 'button':
        this.text(el.text, `${path}/text`, 75, { plainOnly: true });
        if (el.value !== undefined) this.string(el.value, `${path}/value`, 2000);
        if (el.url !== undefined) this.string(el.url, `${path}/url`, 3000);
        if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') this.fail(`${path}/style`, 'must be a valid enum value');
        return;
      case 'static_select':
      case 'multi_static_select':
      case 'overflow':
        return this.list(el.options, `${path}/options`, el.type === 'overflow' ? 5 : 100, (o, p) => this.option(o, p));
      case 'plain_text_input':
        if (el.placeholder !== undefined) this.text(el.placeholder, `${path}/placeholder`, 150, { plainOnly: true });
        return;
      default:
        if (typeof el.type !== 'string' || !SIMPLE_ELEMENTS.includes(el.type)) this.fail(`${path}/type`, `unsupported type: ${String(el.type)}`);
    }
  }

  private option(o: unknown, path: string): void {
    if (!isObject(o)) return this.fail(path, 'must provide an object');
    this.text(o.text, `${path}/text`, 75);
    this.string(o.value, `${path}/value`, 150);
  }

  private text(obj: unknown, path: string, max: number, opts: { plainOnly?: boolean } = {}): void {
    if (!isObject(obj)) return this.fail(path, 'must provide an object');
    const allowed = opts.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (typeof obj.type !== 'string' || !allowed.includes(obj.type)) this.fail(`${path}/type`, 'must be a valid enum value');
    this.string(obj.text, `${path}/text`, max);
  }

  private string(value: unknown, path: string, max: number): void {
    if (typeof value !== 'string') return this.fail(path, 'must provide a string');
    if (value.length === 0) return this.fail(path, 'must be more than 0 characters');
    if (value.length > max) this.fail(path, `must be less than ${max + 1} characters`);
  }

  private list(value: unknown, path: string, max: number, each: (item: unknown, path: string) => void): void {
    if (!Array.isArray(value)) return this.fail(path, 'must provide an array');
    if (value.length === 0) return this.fail(path, 'must provide at least 1 item');
    if (value.length > max) this.fail(path, `no more than ${max} items allowed`);
    value.forEach((item, i) => each(item, `${path}/${i}`));
  }

  private uniqueId(value: unknown, path: string, seen: Set<string>, what: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string') return this.fail(path, 'must provide a string');
    if (value.length > 255) this.fail(path, 'must be less than 256 characters');
    if (seen.has(value)) this.fail(path, `duplicate ${what}: ${value}`);
    seen.add(value);
  }
}

/**
 * withGeneratedIds returns a copy of `blocks` where blocks without `block_id` and interactive elements
 * without `action_id` get generated ones, as Slack does when it stores a message.
 */
export function withGeneratedIds(blocks: unknown[]): unknown[] {
  const copy = structuredClone(blocks) as Json[];
  for (const block of copy) {
    if (!isObject(block)) continue;
    block.block_id ??= randomId();
    const elements = [...(Array.isArray(block.elements) && block.type === 'actions' ? (block.elements as unknown[]) : []), block.accessory, block.element];
    for (const el of elements) if (isObject(el) && el.type !== 'image') el.action_id ??= randomId();
  }
  return copy;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 7);
}
