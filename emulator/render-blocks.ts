import { SafeHtml, escapeHtml, hiddenInputs, html } from './layout';

type Json = Record<string, unknown>;

/** RenderOptions tell the renderer where interactive elements post and how to show a modal's inputs. */
export interface RenderOptions {
  /** Form action for buttons and selects, and the hidden fields each form carries. */
  actionUrl?: string;
  hidden?: Record<string, string | undefined>;
  /** Inside a modal form, input blocks become fields named `v:{action_id}`. */
  errors?: Record<string, string>;
  /** userName turns a `<@U…>` mention into the person's display name, and a `<!subteam^S…>` one into the group's handle, as Slack shows them. */
  userName?: (userId: string) => string | undefined;
}

/** renderBlocks renders Block Kit blocks as HTML (header, section, fields, context, divider, image, actions, input). */
export function renderBlocks(blocks: unknown[], opts: RenderOptions = {}): SafeHtml {
  return html`${(blocks as Json[]).map((b) => html`<div class="block block-${String(b.type)}">${renderBlock(b, opts)}</div>`)}`;
}

function renderBlock(b: Json, opts: RenderOptions): SafeHtml {
  switch (b.type) {
    case 'header':
      return html`<h3>${textOf(b.text)}</h3>`;
    case 'section': {
      const fields = Array.isArray(b.fields) ? (b.fields as Json[]) : [];
      return html`${b.text ? html`<div>${renderText(b.text, opts.userName)}</div>` : ''}
        ${fields.length > 0 ? html`<div class="fields">${fields.map((f) => html`<div>${renderText(f, opts.userName)}</div>`)}</div>` : ''}
        ${b.accessory ? html`<div class="section-accessory">${renderElement(b.accessory as Json, str(b.block_id), opts)}</div>` : ''}`;
    }
    case 'divider':
      return html`<hr class="divider">`;
    case 'context':
      return html`<div class="context">${((b.elements as Json[]) ?? []).map((e) => (e.type === 'image' ? html`<span role="img" aria-label="${str(e.alt_text)}">🖼</span>` : html`<span>${renderText(e, opts.userName)}</span>`))}</div>`;
    case 'image':
      return html`<figure role="img" aria-label="${str(b.alt_text)}" class="meta">🖼 ${str(b.alt_text)}${b.title ? html` — ${textOf(b.title)}` : ''}</figure>`;
    case 'actions':
      return html`<div class="actions">${((b.elements as Json[]) ?? []).map((e) => renderElement(e, str(b.block_id), opts))}</div>`;
    case 'input':
      return renderInput(b, opts);
    case 'rich_text':
      return html`<div>${richTextPlain(b)}</div>`;
    default:
      return html`<div class="meta">[${String(b.type)} block]</div>`;
  }
}

/** renderElement renders a button or select as its own small form posting the click to the emulator. */
function renderElement(el: Json, blockId: string, opts: RenderOptions): SafeHtml {
  if (el.type === 'image') return html`<span role="img" aria-label="${str(el.alt_text)}">🖼</span>`;
  const fields = hiddenInputs({ ...opts.hidden, block_id: blockId, action_id: str(el.action_id) });
  const action = opts.actionUrl ?? '#';
  if (el.type === 'button') {
    const link = typeof el.url === 'string' && /^https?:/.test(el.url) ? html` <a href="${el.url}" target="_blank" rel="noreferrer">↗</a>` : '';
    return html`<form method="post" action="${action}">${fields}<button type="submit" class="${str(el.style)}">${textOf(el.text)}</button>${link}</form>`;
  }
  const options = Array.isArray(el.options) ? (el.options as Json[]) : [];
  if (options.length === 0) return html`<span class="meta">[${String(el.type)}]</span>`;
  const label = el.placeholder ? textOf(el.placeholder) : 'Choose an option';
  return html`<form method="post" action="${action}">${fields}<select name="value" aria-label="${label}">${options.map((o) => html`<option value="${String(o.value)}">${textOf(o.text)}</option>`)}</select> <button type="submit">Select</button></form>`;
}

/** renderInput renders a modal input block as a labelled field named `v:{action_id}`. */
function renderInput(b: Json, opts: RenderOptions): SafeHtml {
  const el = (b.element ?? {}) as Json;
  const name = `v:${str(el.action_id)}`;
  const id = `in-${str(b.block_id ?? el.action_id)}`;
  const initial = typeof el.initial_value === 'string' ? el.initial_value : '';
  const options = Array.isArray(el.options) ? (el.options as Json[]) : [];
  const control =
    el.type === 'static_select'
      ? html`<select id="${id}" name="${name}">${options.map((o) => html`<option value="${String(o.value)}">${textOf(o.text)}</option>`)}</select>`
      : el.multiline
        ? html`<textarea id="${id}" name="${name}" rows="4">${initial}</textarea>`
        : html`<input type="text" id="${id}" name="${name}" value="${initial}">`;
  const error = opts.errors?.[String(b.block_id)];
  return html`<label for="${id}">${textOf(b.label)}${b.optional ? html` <span class="meta">(optional)</span>` : ''}</label>${control}
    ${b.hint ? html`<div class="meta">${textOf(b.hint)}</div>` : ''}${error ? html`<div class="field-error" role="alert">${error}</div>` : ''}`;
}

/** str returns a string or number field as text, anything else as ''. */
function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** textOf returns a text object's raw text. */
export function textOf(obj: unknown): string {
  return typeof obj === 'object' && obj !== null && typeof (obj as Json).text === 'string' ? String((obj as Json).text) : '';
}

/** renderText renders a text object: mrkdwn is formatted, plain_text escaped. */
export function renderText(obj: unknown, userName?: RenderOptions['userName']): SafeHtml {
  const t = obj as Json;
  return t?.type === 'mrkdwn' ? renderMrkdwn(textOf(t), userName) : html`${textOf(t)}`;
}

// The shortcodes alert messages and people use most, shown as the emoji Slack shows (the rest stay as typed).
const EMOJI: Record<string, string> = {
  wave: '👋',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  warning: '⚠️',
  rotating_light: '🚨',
  fire: '🔥',
  red_circle: '🔴',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  large_blue_circle: '🔵',
  eyes: '👀',
  rocket: '🚀',
  tada: '🎉',
  bell: '🔔',
  zzz: '💤',
  thumbsup: '👍',
  '+1': '👍',
  memo: '📝',
  link: '🔗',
};

/**
 * renderMrkdwn formats Slack mrkdwn: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, code blocks,
 * `<url|text>` links, `<@U…>` / `<#C…|name>` / `<!here>` mentions, `<!date^…|fallback>` dates, common `:emoji:`
 * shortcodes, and Slack's `&amp;` `&lt;` `&gt;` escapes.
 */
export function renderMrkdwn(text: string, userName?: RenderOptions['userName']): SafeHtml {
  const held: string[] = [];
  const hold = (markup: string) => `\uE000${held.push(markup) - 1}\uE000`;
  let s = text.replace(/<([^<>]+)>/g, (_, inner: string) => hold(renderLink(inner, userName)));
  s = escapeHtml(s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  s = s.replace(/```([\s\S]+?)```/g, (_, code: string) => hold(`<pre>${code}</pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code>${code}</code>`));
  s = s
    .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])_([^_\n]+)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~([^~\n]+)~/g, '<del>$1</del>')
    .replace(/:([a-z0-9_+-]+):/g, (code: string, name: string) => EMOJI[name] ?? code)
    .replace(/\n/g, '<br>');
  return new SafeHtml(s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => held[Number(i)] ?? ''));
}

function renderLink(inner: string, userName?: RenderOptions['userName']): string {
  const [target = '', label] = inner.split('|');
  const unescape = (v: string) => v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  if (target.startsWith('@')) return `<span class="mention">@${escapeHtml(unescape(label ?? userName?.(target.slice(1)) ?? target.slice(1)))}</span>`;
  if (target.startsWith('#')) return `<span class="mention">#${escapeHtml(unescape(label ?? target.slice(1)))}</span>`;
  // `<!date^1714571880^{date_short_pretty} {time}|fallback>`: Slack shows the date in the reader's time zone;
  // the emulator shows the fallback (UTC), as a date rather than a mention.
  if (target.startsWith('!date^')) {
    const seconds = Number(target.split('^')[1]);
    const when = Number.isFinite(seconds) ? ` datetime="${new Date(seconds * 1000).toISOString()}"` : '';
    return `<time${when}>${escapeHtml(unescape(label ?? target))}</time>`;
  }
  // `<!subteam^S…>` (optionally `|@handle`): Slack shows the group's handle.
  if (target.startsWith('!subteam^')) {
    const id = target.slice('!subteam^'.length);
    return `<span class="mention">@${escapeHtml(unescape(label?.replace(/^@/, '') ?? userName?.(id) ?? id))}</span>`;
  }
  if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(unescape(label ?? target.slice(1)))}</span>`;
  const url = unescape(target);
  if (!/^(https?:|mailto:)/i.test(url)) return escapeHtml(unescape(label ?? target));
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noreferrer">${escapeHtml(unescape(label ?? target))}</a>`;
}

/** richTextPlain flattens a rich_text block to plain text (enough to read it). */
function richTextPlain(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as Json;
  if (typeof n.text === 'string') return n.text;
  if (typeof n.url === 'string') return n.url;
  return Array.isArray(n.elements) ? n.elements.map(richTextPlain).join('') : '';
}
