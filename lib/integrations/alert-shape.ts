// Turning what another tool sends into a Klaxon alert body that always passes the alerts API's limits: event types
// in its alphabet, texts clipped, only http(s) links, at most 50 fields. A sender cannot fix its payload to suit
// Klaxon, so a long or odd value is shortened rather than refused; the result is still validated by the same
// schema as `POST /api/v1/alerts` (alertInputSchema).
import { alertInputSchema, type AlertInput } from '../schemas/alert';
import { readSeverity, type SeverityMap } from './severity';

const MAX_FIELDS = 50;
const MAX_LINKS = 10;

/** LooseAlert is a trigger as a source describes it, before it is fitted to the API's limits. */
export interface LooseAlert {
  eventType: string | undefined;
  /** fallbackEventType names the source when it sent no event type. */
  fallbackEventType: string;
  severity: unknown;
  severityMap?: SeverityMap;
  title: string | undefined;
  description?: string | undefined;
  dedupKey?: string | undefined;
  groupKey?: string | undefined;
  source?: string | undefined;
  occurredAt?: string | undefined;
  links?: Array<{ text: string; url: unknown }>;
  fields?: Record<string, unknown>;
}

/** clip shortens text to at most `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const cleanEventType = (raw: string | undefined) => (raw ?? '').trim().replace(/[^A-Za-z0-9_.:\-/]+/g, '_').slice(0, 100);

// The fallback is cleaned too: it may be a name someone typed (a webhook integration's, with spaces or brackets).
function eventTypeOf(raw: string | undefined, fallback: string): string {
  const cleaned = cleanEventType(raw);
  if (cleaned !== '' && cleaned !== '_') return cleaned;
  const fallbackCleaned = cleanEventType(fallback);
  return fallbackCleaned === '' || fallbackCleaned === '_' ? 'webhook' : fallbackCleaned;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 3_000) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function fieldValue(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  return clip(typeof value === 'string' ? value : JSON.stringify(value), 2_000);
}

function fieldsOf(fields: Record<string, unknown>): Record<string, string | number | boolean> {
  const kept: Record<string, string | number | boolean> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const value = fieldValue(raw);
    const key = clip(name.trim(), 100);
    if (value === undefined || key === '' || Object.hasOwn(kept, key)) continue;
    if (Object.keys(kept).length === MAX_FIELDS) break;
    kept[key] = value;
  }
  return kept;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  // Go's zero time (0001-01-01) and other nonsense mean "not given".
  return Number.isFinite(time) && time > 0 ? new Date(time).toISOString() : undefined;
}

/** triggerOf fits a source's alert to the API's limits; an unknown severity becomes `warning` and a field says so. */
export function triggerOf(alert: LooseAlert): AlertInput {
  const { severity, note } = readSeverity(alert.severity, alert.severityMap);
  const eventType = eventTypeOf(alert.eventType, alert.fallbackEventType);
  const title = clip((alert.title ?? '').trim() || eventType, 250);
  const fields = fieldsOf({ ...(note ? { severity: note } : {}), ...alert.fields });
  const links = (alert.links ?? []).filter((link) => isHttpUrl(link.url)).slice(0, MAX_LINKS).map((link) => ({ text: clip(link.text, 200), url: link.url }));
  const description = alert.description?.trim() ? clip(alert.description, 10_000) : undefined;
  const dedupKey = alert.dedupKey?.trim() ? clip(alert.dedupKey.trim(), 255) : undefined;
  return alertInputSchema.parse({
    event_type: eventType,
    severity,
    title,
    fields,
    links,
    ...(description ? { description } : {}),
    ...(dedupKey ? { dedup_key: dedupKey } : {}),
    ...(alert.groupKey?.trim() ? { group_key: clip(alert.groupKey.trim(), 1_000) } : {}),
    ...(alert.source ? { source: clip(alert.source, 255) } : {}),
    ...(isoDate(alert.occurredAt) ? { occurred_at: isoDate(alert.occurredAt) } : {}),
  });
}

/** statusChangeOf is an acknowledge or resolve of the open alert with a dedup key. */
export function statusChangeOf(action: 'acknowledge' | 'resolve', dedupKey: string): AlertInput {
  return alertInputSchema.parse({ action, dedup_key: clip(dedupKey, 255) });
}
