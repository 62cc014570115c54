// CSRF defence for requests authenticated by the session cookie: a mutating request must come from our own
// origin. Browsers always send Origin on cross-site POSTs, and a page cannot forge it.
import { env } from '../env';
import { AppError } from '../errors';
import type { RequestHead } from './request-head';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** isSameOrigin tells whether a request's Origin is APP_URL's origin or the origin it was addressed to. */
export function isSameOrigin(request: RequestHead): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('host');
  const addressed = host ? `${new URL(request.url).protocol}//${host}` : null;
  return origin === new URL(env().appUrl).origin || origin === addressed;
}

/** assertSameOrigin refuses a mutating session request from another origin (403). */
export function assertSameOrigin(request: RequestHead): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOrigin(request)) {
    throw new AppError('forbidden', 'Cross-origin request refused: mutating requests need an Origin header from this site.');
  }
}
