// Text PostgreSQL cannot store: a NUL character (text columns refuse it, and jsonb refuses \u0000) or an
// unpaired UTF-16 surrogate (it has no UTF-8 form). Left to reach the database, either failed the statement
// with a 500; found at the edge, it is a 400 that names where it was.
import { AppError } from '../errors';
import { problemInWords } from './format-zod-error';

/** isStorableText tells whether PostgreSQL can store the string as text or jsonb. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** UNSTORABLE_TEXT is the refusal's wording, after the name of the field. */
export const UNSTORABLE_TEXT = 'must not contain NUL characters or unpaired surrogates';

/**
 * unstorableTextPath finds the first string in a parsed JSON value (object keys included) that PostgreSQL
 * cannot store, and returns its path as validation errors name fields (`links.0.text`; `""` for the value
 * itself), or null when all can be.
 */
export function unstorableTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = unstorableTextPath(value[index], path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return at;
      const found = unstorableTextPath(child, at);
      if (found !== null) return found;
    }
  }
  return null;
}

/** refuseUnstorableText answers 400, naming the field, when `value` holds text PostgreSQL cannot store. */
export function refuseUnstorableText(value: unknown, whole: string): void {
  const path = unstorableTextPath(value);
  if (path === null) return;
  const field = path || whole;
  throw new AppError('invalid_request', path ? problemInWords({ field: path, message: UNSTORABLE_TEXT }) : `${whole} ${UNSTORABLE_TEXT}.`, [{ field, message: UNSTORABLE_TEXT }]);
}
