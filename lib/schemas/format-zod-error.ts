// Turns zod's issues into the API's `details` list and a one-line message naming the first problem,
// so clients see `title: must be at most 250 characters` rather than a dump of issues. The message names list
// items as people count them (`event_types (the 1st pattern): must not be empty`); `details` keep the dotted
// path (`event_types.0`) for programs and forms.
import { type z } from 'zod';

/** ValidationDetail is one problem of a request: a dotted path (`links.0.url`) and what is wrong there. */
export interface ValidationDetail {
  field: string;
  message: string;
}

// What one item of each list field is called in a message; any other list's items are "item"s.
const ITEM_NOUNS: Record<string, string> = {
  event_types: 'pattern',
  severities: 'severity',
  channels: 'channel',
  links: 'link',
  scopes: 'scope',
  steps: 'step',
  targets: 'target',
  days: 'day',
  route_ids: 'route id',
  participants: 'participant',
  rotations: 'rotation',
  overrides: 'override',
  fields: 'field matcher',
  blocks: 'block',
  elements: 'element',
  status: 'status',
};

/** ordinal writes 1 as "1st", 2 as "2nd", 11 as "11th", 23 as "23rd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

const isIndex = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

/**
 * pathInWords splits a dotted path into what a message says: a list index becomes its item counted from 1
 * (`steps.0.targets.1.id` → `steps`, `the 1st step`, `targets`, `the 2nd target`, `id`); keys between indexes
 * stay joined by dots (`text.text`).
 */
export function pathInWords(field: string): string[] {
  const segments = field.split('.');
  const words: string[] = [];
  segments.forEach((segment, at) => {
    if (at > 0 && isIndex(segment)) words.push(`the ${ordinal(Number(segment) + 1)} ${ITEM_NOUNS[segments[at - 1]!] ?? 'item'}`);
    else if (at > 0 && !isIndex(segments[at - 1])) words[words.length - 1] += `.${segment}`;
    else words.push(segment);
  });
  return words;
}

/** problemInWords puts a detail in words: `steps.0.targets.1.id` → `steps (the 1st step) targets (the 2nd target) id: …`. */
export function problemInWords({ field, message }: ValidationDetail): string {
  if (field === '') return message;
  const named = pathInWords(field)
    .map((word) => (word.startsWith('the ') ? `(${word})` : word))
    .join(' ');
  return `${named}: ${message}`;
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
  const summary = problemInWords(first);
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return { message: summary + more, details };
}
