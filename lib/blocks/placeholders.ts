// Template placeholders: `{{name}}` inside any string of a template's JSON, and optional segments
// `[[ … ]]` around them. One module lists them, finds them and fills them, so that validation (at save time)
// and rendering agree on what a placeholder is.
import { escapeMrkdwn } from './escape-mrkdwn';
import { type RenderableAlert } from './renderable-alert';

/** PLACEHOLDER_NAMES lists the placeholders a template may use, besides `fields.<name>`. */
export const PLACEHOLDER_NAMES = [
  'title',
  'description',
  'severity',
  'event_type',
  'source',
  'links',
  'occurrences',
  'status',
  'dashboard_url',
] as const;

// Whitespace inside the braces is tolerated (`{{ title }}`), as in most template languages.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD_PREFIX = 'fields.';

// An optional segment: `[[ ({{fields.environment}}) ]]` shows only when every placeholder in it has a value,
// so an alert without that field renders no empty `()` and no dangling separator. Segments do not nest.
const SEGMENT = /\[\[((?:(?!\[\[|\]\]).)*)\]\]/gs;

/** isKnownPlaceholder tells whether `name` (without braces) is a placeholder the renderer fills. */
export function isKnownPlaceholder(name: string): boolean {
  if (name.startsWith(FIELD_PREFIX)) return name.length > FIELD_PREFIX.length && name.length <= FIELD_PREFIX.length + 100;
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

/** findPlaceholders lists the placeholder names used in `text`, in order. */
export function findPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** stripPlaceholders removes every placeholder and segment marker from `text`, leaving the template's literal text. */
export function stripPlaceholders(text: string): string {
  return text.replace(SEGMENT, '$1').replace(PLACEHOLDER, '');
}

/** PlaceholderMode says where a value goes: mrkdwn text (escaped) or anywhere else (as is). */
export type PlaceholderMode = 'mrkdwn' | 'plain';

/** formatLinks renders links as mrkdwn `<url|text>` (escaped) or, in plain text, as `text: url`, separated by ` · `. */
export function formatLinks(links: RenderableAlert['links'], mode: PlaceholderMode): string {
  return links
    .map((link) =>
      // `|` would end the URL part of a mrkdwn link early; percent-encoding it keeps the URL equivalent.
      mode === 'mrkdwn'
        ? `<${escapeMrkdwn(link.url).replace(/\|/g, '%7C')}|${escapeMrkdwn(link.text)}>`
        : `${link.text}: ${link.url}`,
    )
    .join(' · ');
}

function rawValue(name: string, alert: RenderableAlert, alertUrl: string): string {
  if (name.startsWith(FIELD_PREFIX)) {
    const key = name.slice(FIELD_PREFIX.length);
    return Object.hasOwn(alert.fields, key) ? String(alert.fields[key]) : '';
  }
  switch (name) {
    case 'title':
      return alert.title;
    case 'description':
      return alert.description ?? '';
    case 'severity':
      return alert.severity;
    case 'event_type':
      return alert.eventType;
    case 'source':
      return alert.source ?? '';
    case 'occurrences':
      return String(alert.occurrences);
    case 'status':
      return alert.status;
    case 'dashboard_url':
      return alertUrl;
    default:
      // Unknown placeholders are refused when a template is saved; one that slips through renders as nothing.
      return '';
  }
}

function valueOf(name: string, alert: RenderableAlert, alertUrl: string, mode: PlaceholderMode): string {
  if (name === 'links') return formatLinks(alert.links, mode);
  const value = rawValue(name, alert, alertUrl);
  return mode === 'mrkdwn' ? escapeMrkdwn(value) : value;
}

function fillOnly(text: string, alert: RenderableAlert, alertUrl: string, mode: PlaceholderMode): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => valueOf(name, alert, alertUrl, mode));
}

/**
 * fillPlaceholders replaces every placeholder in `text` with the alert's value, in one pass (a value that
 * itself looks like `{{title}}` or `[[x]]` stays literal), and drops each `[[ … ]]` segment in which some
 * placeholder is empty (keeping its content otherwise). In mrkdwn the values are escaped; the template's own
 * text never is.
 */
export function fillPlaceholders(text: string, alert: RenderableAlert, alertUrl: string, mode: PlaceholderMode): string {
  let filled = '';
  let last = 0;
  for (const match of text.matchAll(SEGMENT)) {
    filled += fillOnly(text.slice(last, match.index), alert, alertUrl, mode);
    const inner = match[1] ?? '';
    const empty = findPlaceholders(inner).some((name) => valueOf(name, alert, alertUrl, mode).trim() === '');
    if (!empty) filled += fillOnly(inner, alert, alertUrl, mode);
    last = match.index + match[0].length;
  }
  return filled + fillOnly(text.slice(last), alert, alertUrl, mode);
}
