import { cookieSpec, revokeSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { readCookie, redirectTo } from '@/lib/http/cookies';
import { assertSameOrigin } from '@/lib/http/csrf';
import { errorResponse } from '@/lib/http/to-response';

export const dynamic = 'force-dynamic';

/** POST /api/auth/sign-out: revokes the session on the server and clears its cookie. */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const token = readCookie(request, SESSION_COOKIE);
    if (token) await revokeSession(token);
    return redirectTo(`${env().appUrl}/`, [cookieSpec(SESSION_COOKIE, '', new Date(0))]);
  } catch (error) {
    return errorResponse(error);
  }
}
