// Dashboard sessions: a random token in an HTTP-only cookie, only its SHA-256 stored, revocable server-side.
// One browser session can hold identities in several workspaces (SessionMember), so a person who belongs
// to several installed workspaces can switch between them.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../crypto/hmac';
import { db } from '../db';
import { env } from '../env';
import type { Role } from '../generated/prisma/client';

/** SESSION_COOKIE is the name of the dashboard session cookie. */
export const SESSION_COOKIE = 'klaxon_session';
const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** CookieSpec is a cookie to set, framework-neutral. */
export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  expires: Date;
}

/** cookieSpec builds a cookie with Klaxon's defaults: HTTP-only, SameSite=Lax, Secure when APP_URL is https. */
export function cookieSpec(name: string, value: string, expires: Date, path = '/'): CookieSpec {
  return { name, value, httpOnly: true, sameSite: 'lax', secure: env().appUrl.startsWith('https:'), path, expires };
}

/** Membership is one workspace identity of a signed-in browser. */
export interface Membership {
  userId: string;
  slackUserId: string;
  displayName: string;
  role: Role;
  workspace: { id: string; name: string; uninstalledAt: Date | null };
}

/** SignedInSession is a valid session and the workspace identities it holds. */
export interface SignedInSession {
  id: string;
  memberships: Membership[];
}

/**
 * signIn adds a workspace identity to the browser's session (creating the session when there is none or it
 * is no longer valid) and returns the cookie to set.
 */
export async function signIn(user: { id: string; workspaceId: string }, currentToken: string | undefined): Promise<CookieSpec> {
  const current = currentToken ? await readSession(currentToken) : null;
  let token = currentToken;
  let sessionId = current?.id;
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  if (!sessionId || !token) {
    token = randomBytes(32).toString('base64url');
    sessionId = (await db().session.create({ data: { tokenHash: sha256Hex(token), expiresAt } })).id;
  } else {
    await db().session.update({ where: { id: sessionId }, data: { expiresAt } });
  }
  await db().sessionMember.upsert({
    where: { sessionId_workspaceId: { sessionId, workspaceId: user.workspaceId } },
    create: { sessionId, workspaceId: user.workspaceId, userId: user.id },
    update: { userId: user.id },
  });
  return cookieSpec(SESSION_COOKIE, token, expiresAt);
}

/** readSession returns the valid, unrevoked session of a cookie token, or null. */
export async function readSession(token: string): Promise<SignedInSession | null> {
  const session = await db().session.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { members: { include: { user: { include: { workspace: true } } }, orderBy: { createdAt: 'asc' } } },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    id: session.id,
    memberships: session.members.map(({ user }) => ({
      userId: user.id,
      slackUserId: user.slackUserId,
      displayName: user.displayName,
      role: user.role,
      workspace: { id: user.workspace.id, name: user.workspace.name, uninstalledAt: user.workspace.uninstalledAt },
    })),
  };
}

/** revokeSession ends a session on the server; its cookie stops working everywhere at once. */
export async function revokeSession(token: string): Promise<void> {
  await db().session.updateMany({ where: { tokenHash: sha256Hex(token), revokedAt: null }, data: { revokedAt: new Date() } });
}
