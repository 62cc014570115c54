// The alerts page's filters live in its URL (so they can be shared and survive reloads); this module turns
// them into the API's list query (validated by the same schema) and back into links.
import { alertListQuerySchema, type AlertListQuery } from '@/lib/schemas/alert';
import { formatZodError } from '@/lib/schemas/format-zod-error';
import { firstParam, type SearchParams } from '@/lib/schemas/read-search-params';

/** ALERT_FILTER_FIELDS are the query parameters of the alerts page. */
export const ALERT_FILTER_FIELDS = ['status', 'severity', 'event_type', 'q', 'since', 'until', 'silenced', 'digest', 'group'] as const;

/** PAGE_SIZE is how many alerts a page of the table shows. */
export const PAGE_SIZE = 50;

// <input type="datetime-local"> sends `2024-05-01T14:02` without a zone: the page labels them as UTC.
function toIso(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value) ? `${value}Z` : value;
}

/** filterValues reads the filter fields from the URL as the form shows them. */
export function filterValues(params: SearchParams): Record<(typeof ALERT_FILTER_FIELDS)[number], string> {
  return Object.fromEntries(ALERT_FILTER_FIELDS.map((field) => [field, firstParam(params[field])])) as Record<(typeof ALERT_FILTER_FIELDS)[number], string>;
}

/** parseAlertFilters validates the page's URL as an alert list query, or says what is wrong. */
export function parseAlertFilters(params: SearchParams): { query: AlertListQuery } | { error: string } {
  const values = filterValues(params);
  const raw: Record<string, string> = { limit: String(PAGE_SIZE) };
  for (const [field, value] of Object.entries(values)) {
    if (value) raw[field] = field === 'since' || field === 'until' ? toIso(value) : value;
  }
  const cursor = firstParam(params.cursor);
  if (cursor) raw.cursor = cursor;
  const parsed = alertListQuerySchema.safeParse(raw);
  return parsed.success ? { query: parsed.data } : { error: formatZodError(parsed.error).message };
}

/** alertsHref is the alerts page with the current filters and, optionally, a cursor. */
export function alertsHref(teamId: string, params: SearchParams, cursor?: string): string {
  const query = new URLSearchParams();
  for (const [field, value] of Object.entries(filterValues(params))) if (value) query.set(field, value);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return `/w/${teamId}/alerts${text ? `?${text}` : ''}`;
}
