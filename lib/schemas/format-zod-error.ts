// Turns zod's issues into the API's `details` list and a one-line message naming the first problem,
// so clients see `title: must be at most 250 characters` rather than a dump of issues.
import { type z } from 'zod';

/** ValidationDetail is one problem of a request: a dotted path (`links.0.url`) and what is wrong there. */
export interface ValidationDetail {
  field: string;
  message: string;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function detailsOf(issue: z.core.$ZodIssue): ValidationDetail[] {
  const field = joinPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    // One detail per unknown key, each named by its own path, so a form can mark every one.
    return issue.keys.map((key) => ({ field: joinPath([...issue.path, key]), message: 'is not a known field' }));
  }
  if (issue.code === 'invalid_key') {
    // zod reports a bad record key as "Invalid key in record"; the key's own issue says what is wrong.
    return [{ field, message: issue.issues[0]?.message ?? issue.message }];
  }
  return [{ field, message: issue.message }];
}

/** formatZodError summarises a failed parse: `message` names the first field, `details` lists every problem. */
export function formatZodError(error: z.core.$ZodError): { message: string; details: ValidationDetail[] } {
  const details = error.issues.flatMap(detailsOf);
  const first = details[0];
  if (!first) return { message: 'Invalid request', details };
  const summary = first.field === '' ? first.message : `${first.field}: ${first.message}`;
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return { message: summary + more, details };
}
