// Any JSON body onto a Klaxon alert, by an integration's field mapping. Each mapped value is a template: text
// with `{{path}}` placeholders (`data.event.title`, `alerts[0].labels.team`; `{{$}}` is the whole body;
// `{{a || b}}` takes the first path that finds something, for senders with several shapes); a
// template that is one placeholder keeps the value's type (a number stays a number), text without placeholders
// is a constant. Senders cannot change what they send, so a path that finds nothing is simply empty; only a
// status change without a dedup key is refused (a missing title falls back to the event type, as triggerOf does).
import { AppError } from '../errors';
import type { AlertInput } from '../schemas/alert';
import type { WebhookMapping } from '../schemas/integration';
import { statusChangeOf, triggerOf } from './alert-shape';
import type { SeverityMap } from './severity';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const ONLY_PLACEHOLDER = /^\{\{\s*([^{}]*?)\s*\}\}$/;
const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** DEFAULT_RESOLVED_VALUES are status words read as "resolved" unless a mapping lists its own. */
export const DEFAULT_RESOLVED_VALUES = ['resolved', 'resolve', 'ok', 'recovered', 'closed', 'close'];
/** DEFAULT_ACKNOWLEDGED_VALUES are status words read as "acknowledged" unless a mapping lists its own. */
export const DEFAULT_ACKNOWLEDGED_VALUES = ['acknowledged', 'acknowledge', 'ack'];

/** readPath returns the value at a dotted path with `[n]` indices (`$` or empty: the value itself), else undefined. */
export function readPath(value: unknown, path: string): unknown {
  const trimmed = path.trim().replace(/^\$\.?/, '');
  if (trimmed === '') return value;
  let current = value;
  for (const [, key, index] of trimmed.matchAll(SEGMENT)) {
    if (current === null || typeof current !== 'object') return undefined;
    const name = index ?? key!;
    // Own properties only: a path such as `constructor` must not reach the prototype.
    if (!Object.hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** lookup reads `a || b || …`: the first path whose value is neither missing, null nor empty text. */
function lookup(body: unknown, expression: string): unknown {
  for (const path of expression.split('||')) {
    const value = readPath(body, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** renderTemplate fills a template from the body: one placeholder alone keeps the value's type, else text. */
export function renderTemplate(template: string | undefined, body: unknown): unknown {
  if (template === undefined) return undefined;
  const only = ONLY_PLACEHOLDER.exec(template);
  if (only) return lookup(body, only[1]!);
  return template.replace(PLACEHOLDER, (_, path: string) => asText(lookup(body, path)));
}

const renderText = (template: string | undefined, body: unknown): string | undefined => {
  const value = renderTemplate(template, body);
  const text = asText(value).trim();
  return text === '' ? undefined : text;
};

function statusOf(mapping: WebhookMapping, body: unknown): 'trigger' | 'acknowledge' | 'resolve' {
  const word = renderText(mapping.status, body)?.toLowerCase();
  if (word === undefined) return 'trigger';
  const resolved = (mapping.resolved_values ?? DEFAULT_RESOLVED_VALUES).map((value) => value.toLowerCase());
  const acknowledged = (mapping.acknowledged_values ?? DEFAULT_ACKNOWLEDGED_VALUES).map((value) => value.toLowerCase());
  if (resolved.includes(word)) return 'resolve';
  if (acknowledged.includes(word)) return 'acknowledge';
  return 'trigger';
}

/** mapWebhookBody maps one JSON body to a Klaxon alert input by `mapping`; `name` is the fallback event type. */
export function mapWebhookBody(body: unknown, mapping: WebhookMapping, options: { name: string; severityMap?: SeverityMap }): AlertInput {
  const dedupKey = renderText(mapping.dedup_key, body);
  const action = statusOf(mapping, body);
  if (action !== 'trigger') {
    if (!dedupKey) throw new AppError('invalid_request', `dedup_key: the mapping found no dedup key, so the ${action} cannot name an alert.`, [{ field: 'dedup_key', message: `is needed to ${action}` }]);
    return statusChangeOf(action, dedupKey);
  }
  const fields = Object.fromEntries(Object.entries(mapping.fields ?? {}).map(([name, template]) => [name, renderTemplate(template, body)]));
  return triggerOf({
    eventType: renderText(mapping.event_type, body),
    fallbackEventType: options.name,
    severity: renderTemplate(mapping.severity, body),
    ...(options.severityMap ? { severityMap: options.severityMap } : {}),
    title: renderText(mapping.title, body),
    description: renderText(mapping.description, body),
    dedupKey,
    source: renderText(mapping.source, body),
    occurredAt: renderText(mapping.occurred_at, body),
    links: (mapping.links ?? []).map((link) => ({ text: renderText(link.text, body) ?? 'Link', url: renderText(link.url, body) })),
    fields,
  });
}
