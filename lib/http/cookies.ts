// Reading cookies from a request, and writing them on web Responses.
import type { CookieSpec } from '../auth/sessions';
import type { RequestHead } from './request-head';

/** readCookie returns one cookie of a request, or undefined. */
export function readCookie(request: Pick<RequestHead, 'headers'>, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/** serializeCookie renders a Set-Cookie header value. */
export function serializeCookie(spec: CookieSpec): string {
  return [
    `${spec.name}=${encodeURIComponent(spec.value)}`,
    `Path=${spec.path}`,
    `Expires=${spec.expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(spec.secure ? ['Secure'] : []),
  ].join('; ');
}

/** redirectTo answers 303 See Other to location, setting the given cookies. */
export function redirectTo(location: string, cookies: CookieSpec[] = [], status = 303): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const cookie of cookies) headers.append('Set-Cookie', serializeCookie(cookie));
  return new Response(null, { status, headers });
}
