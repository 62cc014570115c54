// Resolves the signed-in member for a dashboard page: signed-out visitors go to sign-in (and come back to the
// page afterwards), and a workspace the session has no identity in answers 404.
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { REQUEST_PATH_HEADER, signInPath } from '@/lib/auth/return-to';
import { readSession, SESSION_COOKIE, type SignedInSession } from '@/lib/auth/sessions';
import { scopeForSession, type WorkspaceScope } from '@/lib/auth/workspace-scope';
import { AppError } from '@/lib/errors';

/** DashboardContext is the session and its scope in the page's workspace. */
export interface DashboardContext {
  session: SignedInSession;
  scope: WorkspaceScope;
}

/** dashboardContext is computed once per request, however many components ask. */
export const dashboardContext = cache(async (teamId: string): Promise<DashboardContext> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await readSession(token) : null;
  // The whole path (an alert's page, from a "View in Klaxon" link) is kept through sign-in, not just the workspace.
  if (!session) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER) ?? `/w/${teamId}`));
  try {
    return { session, scope: scopeForSession(session, teamId) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
});
