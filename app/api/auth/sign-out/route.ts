import { cookieSpec, revokeSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { readCookie, redirectTo } from '@/lib/http/cookies';
import { assertSameOrigin } from '@/lib/http/csrf';
import { publicRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/auth/sign-out: revokes the session on the server and clears its cookie. */
export const POST = publicRoute(async ({ head }) => {
  assertSameOrigin(head);
  const token = readCookie(head, SESSION_COOKIE);
  if (token) await revokeSession(token);
  return redirectTo(`${env().appUrl}/`, [cookieSpec(SESSION_COOKIE, '', new Date(0))]);
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
