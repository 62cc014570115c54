// WorkspaceScope is the only way domain code learns which workspace a request may touch: it is built from
// the signed-in session's memberships (or, for the REST API, from the API key), never from the URL alone.
import { AppError } from '../errors';
import type { Role } from '../generated/prisma/client';
import type { SignedInSession } from './sessions';

/** WorkspaceScope identifies the workspace a request acts in and who acts. */
export interface WorkspaceScope {
  workspaceId: string;
  role: Role;
  actor: { type: 'dashboard_user'; id: string; slackUserId: string; name: string } | { type: 'api_key'; id: string; name: string };
}

/**
 * scopeForSession returns the session's scope in teamId, or throws not_found — the same answer as for a
 * workspace that does not exist, so other workspaces' ids leak nothing.
 */
export function scopeForSession(session: SignedInSession, teamId: string): WorkspaceScope {
  const membership = session.memberships.find((candidate) => candidate.workspace.id === teamId);
  if (!membership) throw new AppError('not_found', 'No such workspace.');
  return {
    workspaceId: membership.workspace.id,
    role: membership.role,
    actor: { type: 'dashboard_user', id: membership.userId, slackUserId: membership.slackUserId, name: membership.displayName },
  };
}

/**
 * assertAdmin refuses viewers (403) on anything that changes the workspace: configuration, keys and alerts
 * (status changes, test alerts). API keys act as admins; their scopes limit them instead.
 */
export function assertAdmin(scope: WorkspaceScope): void {
  if (scope.role !== 'admin') throw new AppError('forbidden', 'Only workspace admins can change this.');
}
