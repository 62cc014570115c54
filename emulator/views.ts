import { randomBytes } from 'node:crypto';
import { validateBlocks } from './block-kit';
import { INVALID_JSON, parseStructuredArg } from './method';

/** StoredView is an App Home tab or a modal the app published or opened. */
export interface StoredView {
  id: string;
  teamId: string;
  userId: string;
  type: 'home' | 'modal';
  blocks: unknown[];
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  callbackId: string;
  privateMetadata: string;
  externalId: string;
  hash: string;
  notifyOnClose: boolean;
  /** Validation errors the app returned to a view_submission, by block_id. */
  errors?: Record<string, string>;
}

type Json = Record<string, unknown>;

/**
 * parseView reads a `view` argument (JSON string or object) and checks it like Slack does; an error is
 * returned as the list of `response_metadata.messages` of an `invalid_arguments` answer.
 */
export function parseView(value: unknown, type: StoredView['type']): Json | string[] {
  const view = parseStructuredArg(value);
  if (view === INVALID_JSON) return ['[ERROR] failed to parse JSON [json-pointer:/view]'];
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return ['[ERROR] must provide an object [json-pointer:/view]'];
  const v = view as Json;
  const errors: string[] = [];
  if (v.type !== type) errors.push(`must be a valid enum value: ${type} [json-pointer:/view/type]`);
  if (!Array.isArray(v.blocks)) errors.push('must provide an array [json-pointer:/view/blocks]');
  else errors.push(...validateBlocks(v.blocks, type).map((e) => e.replace('[json-pointer:/', '[json-pointer:/view/')));
  if (type === 'modal') {
    for (const key of ['title', 'submit', 'close']) {
      const t = v[key] as Json | undefined;
      if (key === 'title' && t === undefined) errors.push('must provide an object [json-pointer:/view/title]');
      if (t !== undefined && (typeof t.text !== 'string' || t.text.length > 24)) errors.push(`must be less than 25 characters [json-pointer:/view/${key}/text]`);
    }
    const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => (b as Json)?.type === 'input');
    if (hasInput && v.submit === undefined) errors.push('must provide submit when using input blocks [json-pointer:/view/submit]');
  }
  return errors.length > 0 ? errors.map((e) => `[ERROR] ${e}`) : v;
}

/** ViewStore keeps each user's App Home and open modal stack. */
export class ViewStore {
  private homes = new Map<string, StoredView>();
  private modals = new Map<string, StoredView[]>();

  /** publishHome replaces a user's App Home view. */
  publishHome(teamId: string, userId: string, view: Json): StoredView {
    const stored = buildView(teamId, userId, 'home', view);
    this.homes.set(key(teamId, userId), stored);
    return stored;
  }

  /** home returns the user's published App Home view. */
  home(teamId: string, userId: string): StoredView | undefined {
    return this.homes.get(key(teamId, userId));
  }

  /** openModal pushes a modal onto the user's stack (shown on their next page load). */
  openModal(teamId: string, userId: string, view: Json): StoredView {
    const stored = buildView(teamId, userId, 'modal', view);
    this.modals.set(key(teamId, userId), [...(this.modals.get(key(teamId, userId)) ?? []), stored]);
    return stored;
  }

  /** modal returns the user's top-most open modal. */
  modal(teamId: string, userId: string): StoredView | undefined {
    return this.modals.get(key(teamId, userId))?.at(-1);
  }

  /** closeModal removes the user's top-most modal (or all of them with `all`). */
  closeModal(teamId: string, userId: string, all = false): void {
    const stack = this.modals.get(key(teamId, userId)) ?? [];
    this.modals.set(key(teamId, userId), all ? [] : stack.slice(0, -1));
  }

  /** replaceModal swaps the top-most modal's content (a `response_action: update`). */
  replaceModal(teamId: string, userId: string, view: Json): void {
    const stack = this.modals.get(key(teamId, userId)) ?? [];
    const top = stack.at(-1);
    if (top) stack[stack.length - 1] = { ...buildView(teamId, userId, 'modal', view), id: top.id };
  }

  /** clear forgets every view. */
  clear(): void {
    this.homes.clear();
    this.modals.clear();
  }
}

/** toSlackView shapes a stored view like Slack's `view` objects. */
export function toSlackView(v: StoredView, appId: string, botId: string, values: Json = {}): Json {
  return {
    id: v.id,
    team_id: v.teamId,
    type: v.type,
    blocks: v.blocks,
    ...(v.title ? { title: v.title } : {}),
    ...(v.submit ? { submit: v.submit } : {}),
    ...(v.close ? { close: v.close } : {}),
    private_metadata: v.privateMetadata,
    callback_id: v.callbackId,
    external_id: v.externalId,
    state: { values },
    hash: v.hash,
    clear_on_close: false,
    notify_on_close: v.notifyOnClose,
    root_view_id: v.id,
    previous_view_id: null,
    app_id: appId,
    app_installed_team_id: v.teamId,
    bot_id: botId,
  };
}

function key(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}

function buildView(teamId: string, userId: string, type: StoredView['type'], view: Json): StoredView {
  return {
    id: `V${randomBytes(5).toString('hex').toUpperCase()}`,
    teamId,
    userId,
    type,
    blocks: view.blocks as unknown[],
    title: view.title,
    submit: view.submit,
    close: view.close,
    callbackId: typeof view.callback_id === 'string' ? view.callback_id : '',
    privateMetadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    externalId: typeof view.external_id === 'string' ? view.external_id : '',
    hash: `${Date.now()}.${randomBytes(4).toString('hex')}`,
    notifyOnClose: view.notify_on_close === true,
  };
}
