// Building blocks shared by the resource schemas. Each one sets its own error messages, because zod's
// defaults ("Too big: expected string to have <=250 characters") are not what an API user should read.
import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT } from './storable-text';
import type { AlertStatus, Severity } from '@/lib/generated/prisma/enums';

/** SEVERITIES lists the alert severities, most severe first (the order dashboards show them in). */
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const satisfies readonly Severity[];

/** ALERT_STATUSES lists the states of an alert's lifecycle, in lifecycle order. */
export const ALERT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const satisfies readonly AlertStatus[];

/** EVENT_TYPE_PATTERN is the alphabet of event types: dotted names such as `deploy.failed`. */
export const EVENT_TYPE_PATTERN = /^[A-Za-z0-9_.:\-/]+$/;

/** typeError builds an error function that says "is required" for a missing value, else what was expected. */
export function typeError(expected: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : `must be ${expected}`);
}

/** stringSchema is a string of `min`–`max` characters, optionally trimmed before the length checks. */
export function stringSchema({ min = 0, max, trim = false }: { min?: number; max: number; trim?: boolean }) {
  let schema = z.string({ error: typeError('a string') });
  if (trim) schema = schema.trim();
  if (min > 0) schema = schema.min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  // Dashboard forms reach here without the JSON edge's check (lib/schemas/storable-text.ts).
  return schema.max(max, `must be at most ${max} characters`).refine(isStorableText, UNSTORABLE_TEXT);
}

/** enumSchema is one of `values`; its error lists the accepted values. */
export function enumSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: typeError(`one of ${values.join(', ')}`) });
}

/** arraySchema is an array of `min`–`max` items; with `unique`, an item given twice is an error naming it. */
export function arraySchema<T extends z.ZodType>(
  item: T,
  { min, max, noun, unique = false }: { min: number; max: number; noun: string; unique?: boolean },
) {
  const schema = z
    .array(item, { error: typeError('an array') })
    .min(min, min === 1 ? `must have at least one ${noun}` : `must have at least ${min} ${noun}s`)
    .max(max, `must have at most ${max} ${noun}s`);
  if (!unique) return schema;
  return schema.superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `lists ${JSON.stringify(value)} twice` });
      seen.add(value);
    });
  });
}

/** strictObject is an object that rejects unknown keys, naming them, so typos don't pass silently. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : typeError('an object')(issue),
  });
}

/** isoDateSchema is an ISO 8601 date-time with a time zone (`Z` or an offset), parsed to a Date. */
export const isoDateSchema = z
  .iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T14:02:00Z' })
  .transform((value) => new Date(value));

/** eventTypeSchema is an event type such as `deploy.failed`. */
export const eventTypeSchema = stringSchema({ min: 1, max: 100 }).regex(
  EVENT_TYPE_PATTERN,
  'may contain only letters, digits and _ . : - /',
);

/** severitySchema is one of the alert severities. */
export const severitySchema = enumSchema(SEVERITIES);

/** nameSchema is the display name of a configured resource (route, template, API key). */
export const nameSchema = stringSchema({ min: 1, max: 100, trim: true });
