// Path params as both adapters (Next's route handlers and the node:http fast path) hand them to the pipeline.
import { AppError } from '../errors';
import { isStorableText } from '../schemas/storable-text';
import type { Endpoint } from './pipeline';

/** decodeSegment decodes one path segment; a malformed escape (`%ZZ`) stays as sent, and so names nothing. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** UNUSABLE_PARAMS stands for params Next could not decode: they name no record. */
export const UNUSABLE_PARAMS: Record<string, string> = { path: '\u0000' };

/** refuseUnusableParams answers 404 for a param no record can have (text PostgreSQL cannot store), before any query. */
export function refuseUnusableParams(params: unknown): void {
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    // A catch-all segment (`[...path]`) is a list of them.
    const segments: unknown[] = Array.isArray(value) ? value : [value];
    if (segments.some((segment) => typeof segment !== 'string' || !isStorableText(segment))) throw new AppError('not_found', `No such ${name === 'path' ? 'resource' : name}.`);
  }
}

/** isDecodablePath tells whether the path of a request target (query aside) is valid percent-encoded UTF-8. */
export function isDecodablePath(target: string): boolean {
  const query = target.indexOf('?');
  try {
    decodeURIComponent(query < 0 ? target : target.slice(0, query));
    return true;
  } catch {
    return false;
  }
}

/**
 * MAX_TARGET_LENGTH bounds a request's path and query. Node takes request heads up to 16 KB, and Next answers a
 * path with `//` or a trailing slash with a 308 whose Location repeats it: past ~16 KB that answer's own head is
 * more than clients read (the fuzzer's requests went unanswered). 8 KB is the usual limit of proxies (nginx).
 */
export const MAX_TARGET_LENGTH = 8_192;

/** targetTooLong answers a request whose path and query are longer than MAX_TARGET_LENGTH. */
export const targetTooLong: Endpoint<null, Record<string, never>> = {
  access: () => Promise.resolve(null),
  handle: () => Promise.reject(new AppError('invalid_request', `The request's path and query are longer than ${MAX_TARGET_LENGTH.toLocaleString('en-US')} characters.`)),
};

/** malformedPath answers a path that is not valid percent-encoded UTF-8. */
export const malformedPath: Endpoint<null, Record<string, never>> = {
  access: () => Promise.resolve(null),
  handle: () => Promise.reject(new AppError('invalid_request', 'The path is not valid: a %-escape in it is malformed or not UTF-8.')),
};
