/**
 * HTML building blocks: an escaping template tag and the page layout with its inline stylesheet.
 */

/** SafeHtml is markup that must not be escaped again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** escapeHtml escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** html is a template tag that escapes interpolated values (except SafeHtml, and arrays of them). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const render = (v: unknown): string => {
    if (v instanceof SafeHtml) return v.value;
    if (Array.isArray(v)) return v.map(render).join('');
    if (v === undefined || v === null || v === false) return '';
    return escapeHtml(typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
  };
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/** hiddenInputs renders hidden form fields. */
export function hiddenInputs(fields: Record<string, string | undefined>): SafeHtml {
  return html`${Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}`;
}

const CSS = `
  :root { --fg:#1d1c1d; --muted:#616061; --line:#dddddd; --accent:#4a154b; --primary:#007a5a; --danger:#e01e5a; --bg:#f8f8f8; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.46 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color:var(--fg); background:var(--bg); }
  header.top { background:var(--accent); color:#fff; padding:10px 20px; display:flex; gap:16px; align-items:center; }
  header.top a { color:#fff; }
  main { max-width:960px; margin:0 auto; padding:20px; }
  .layout { display:grid; grid-template-columns:220px minmax(0, 1fr); gap:20px; }
  /* On a phone the channel list goes above the channel, as Slack's app shows one at a time. */
  @media (max-width: 640px) { main { padding:12px; } .layout { grid-template-columns:minmax(0, 1fr); } nav.channels ul { display:flex; flex-wrap:wrap; gap:2px 4px; } }
  nav.channels ul { list-style:none; padding:0; margin:0; }
  nav.channels a { display:block; padding:2px 6px; border-radius:4px; color:var(--fg); text-decoration:none; }
  nav.channels a[aria-current="page"] { background:#1164a3; color:#fff; }
  .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin-bottom:16px; }
  .message { display:grid; grid-template-columns:40px 1fr; gap:10px; padding:10px 0; border-top:1px solid var(--line); }
  .avatar { width:36px; height:36px; border-radius:6px; background:#e8e8e8; display:flex; align-items:center; justify-content:center; font-weight:700; }
  .meta { color:var(--muted); font-size:13px; }
  .meta strong { color:var(--fg); font-size:15px; }
  .edited { color:var(--muted); font-size:12px; }
  .thread { margin-left:50px; border-left:3px solid var(--line); padding-left:12px; }
  .block { margin:6px 0; }
  .block h3 { margin:8px 0 4px; font-size:18px; }
  .fields { display:grid; grid-template-columns:1fr 1fr; gap:6px 16px; }
  .context { color:var(--muted); font-size:13px; display:flex; gap:8px; flex-wrap:wrap; align-items:center; }
  .actions { display:flex; gap:8px; flex-wrap:wrap; }
  .actions form, .section-accessory form { display:inline; margin:0; }
  /* A menu and its Select button stay together, the menu as wide as its options. */
  .actions form { display:inline-flex; gap:6px; align-items:center; max-width:100%; }
  .actions select { width:auto; min-width:0; }
  hr.divider { border:0; border-top:1px solid var(--line); }
  button, .btn { font:inherit; font-weight:600; padding:4px 12px; border-radius:4px; border:1px solid #bbb; background:#fff; color:var(--fg); cursor:pointer; }
  button.primary { background:var(--primary); border-color:var(--primary); color:#fff; }
  button.danger { background:#fff; border-color:var(--danger); color:var(--danger); }
  button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible { outline:3px solid #1264a3; outline-offset:2px; }
  code { background:#f6f6f6; border:1px solid #e0e0e0; border-radius:3px; padding:0 3px; color:#c01343; font-size:13px; overflow-wrap:anywhere; }
  .block, .fields > * { overflow-wrap:anywhere; min-width:0; }
  pre { background:#f6f6f6; border:1px solid #e0e0e0; border-radius:4px; padding:8px; white-space:pre-wrap; }
  .banner { padding:10px 14px; border-radius:6px; margin-bottom:16px; }
  .banner.error { background:#fde8ee; border:1px solid var(--danger); }
  .banner.info { background:#e8f5fa; border:1px solid #1264a3; }
  .ephemeral { background:#f4f0f4; border-radius:6px; padding:4px 8px; }
  label { display:block; font-weight:600; margin:10px 0 4px; }
  select, input[type=text], textarea { font:inherit; padding:6px 8px; border:1px solid #bbb; border-radius:4px; width:100%; max-width:420px; }
  .consent { max-width:560px; margin:40px auto; }
  .scopes li { margin:4px 0; }
  .buttons { display:flex; gap:12px; justify-content:flex-end; margin-top:20px; }
  dialog.modal { position:static; display:block; border:2px solid var(--accent); border-radius:8px; padding:16px 20px; margin:0 0 20px; max-width:560px; background:#fff; }
  .field-error { color:var(--danger); font-size:13px; }
`;

/** page wraps content in the emulator's HTML document with a header bar. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Slack emulator</title><style>${new SafeHtml(CSS)}</style></head>
<body><header class="top"><strong>Slack emulator</strong><a href="/">Workspaces</a></header>
<main>${body}</main></body></html>`.value;
}
