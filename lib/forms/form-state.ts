// What a dashboard form's server action answers: a message, errors per field, and the values the user typed,
// so that a failed submit re-renders the form with everything as it was (DESIGN.md §5, issue 6 item 7).
import { ZodError } from 'zod';
import { AppError } from '@/lib/errors';
import { formatZodError, pathInWords } from '@/lib/schemas/format-zod-error';

/** FormValues are the submitted values of a form, by field name (a repeated field is a list). */
export type FormValues = Record<string, string | string[]>;

/** FormState is the state a form's server action returns to `useActionState`. */
export interface FormState<R = undefined> {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: FormValues;
  result?: R;
}

/** IDLE is the state of a form before its first submit. */
export const IDLE: FormState<never> = { status: 'idle' };

/** readFormValues copies a FormData into plain values, keeping repeated fields (checkboxes) as lists. */
export function readFormValues(formData: FormData, listFields: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = listFields.includes(key) ? all : (all[0] ?? '');
  }
  for (const field of listFields) values[field] ??= [];
  return values;
}

/** splitList turns "a, b c" into ["a", "b", "c"]: patterns and ids may be separated by commas or spaces. */
export function splitList(text: string | string[] | undefined): string[] {
  const joined = Array.isArray(text) ? text.join(' ') : (text ?? '');
  return joined.split(/[\s,]+/).filter(Boolean);
}

/** valueOf reads one text value of a form state (empty when absent). */
export function valueOf(values: FormValues | undefined, field: string): string {
  const value = values?.[field];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** listOf reads a list value of a form state, or `fallback` before the first submit. */
export function listOf(values: FormValues | undefined, field: string, fallback: readonly string[]): readonly string[] {
  const value = values?.[field];
  if (value === undefined) return fallback;
  return Array.isArray(value) ? value : [value];
}

/**
 * failureState turns what a domain call or a schema threw into a form state: zod issues and AppError details
 * become errors of their top-level field (`event_types.2` → `event_types`), anything else is re-thrown.
 */
export function failureState<R>(error: unknown, values: FormValues): FormState<R> {
  if (error instanceof ZodError) {
    const { message, details } = formatZodError(error);
    return { status: 'error', message, fieldErrors: fieldErrorsOf(details), values };
  }
  if (error instanceof AppError) {
    const details = Array.isArray(error.details) ? (error.details as Array<{ field?: unknown; message?: unknown }>) : [];
    const fields = details
      .filter((detail) => typeof detail.field === 'string' && typeof detail.message === 'string')
      .map((detail) => ({ field: detail.field as string, message: detail.message as string }));
    return { status: 'error', message: error.message, fieldErrors: fieldErrorsOf(fields), values };
  }
  throw error;
}

function fieldErrorsOf(details: ReadonlyArray<{ field: string; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of details) {
    // Under its field, a list item's problem names the item ("the 1st pattern: …"), not its index.
    const top = detail.field.split('.')[0] ?? '';
    const rest = pathInWords(detail.field).slice(1);
    const message = rest.length ? `${rest.join(', ')}: ${detail.message}` : detail.message;
    errors[top] = errors[top] ? `${errors[top]}; ${message}` : message;
  }
  return errors;
}
