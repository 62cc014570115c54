// Runs before dashboard pages render: hands the page the path it was asked for (Next gives server components
// no pathname), so that a signed-out visitor is sent to sign in with the whole path kept (dashboard-context.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from './lib/auth/return-to';

/** proxy sets the request-path header on every dashboard request, overwriting any the browser sent. */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: '/w/:path*' };
