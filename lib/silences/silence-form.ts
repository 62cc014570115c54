// The dashboard's silence form: a duration instead of an end time (what people pick when they silence
// something), one field matcher row, severities as checkboxes; turned into the API's input so that the same
// schema validates both.
import { silenceInputSchema, type SilenceInput } from '../schemas/silence';
import type { FormValues } from '../forms/form-state';

/** SILENCE_DURATIONS are the lengths the form offers, in minutes, with their labels. */
export const SILENCE_DURATIONS = [
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 120, label: '2 hours' },
  { minutes: 240, label: '4 hours' },
  { minutes: 480, label: '8 hours' },
  { minutes: 1_440, label: '1 day' },
  { minutes: 10_080, label: '1 week' },
] as const;

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** formText is a form field's text, trimmed ('' when absent). */
export const formText = text;

/** matcherBody reads the matchers of a silence or maintenance window form (one field matcher row) in the API's shape. */
export function matcherBody(values: FormValues) {
  const field = text(values.field_name);
  return {
    event_type: text(values.event_type) || undefined,
    severities: Array.isArray(values.severities) ? values.severities : [],
    source: text(values.source) || undefined,
    fields: field ? [{ name: field, op: text(values.field_op) || '=', value: text(values.field_value) }] : [],
  };
}

/** parseSilenceForm validates the form's values as a new silence starting at `now` (throws ZodError). */
export function parseSilenceForm(values: FormValues, now = new Date()): SilenceInput {
  const minutes = Number(text(values.duration) || '60');
  return silenceInputSchema.parse({
    ...matcherBody(values),
    starts_at: now.toISOString(),
    ends_at: new Date(now.getTime() + (Number.isFinite(minutes) && minutes > 0 ? minutes : 60) * 60_000).toISOString(),
    comment: text(values.comment),
  });
}
