// Who did something to an alert, as recorded in its activity and shown on its messages.
import type { WorkspaceScope } from '../auth/workspace-scope';
import type { ActorType, Via } from '../generated/prisma/client';

/** Actor is the person or key behind an alert change. */
export interface Actor {
  type: ActorType;
  id: string | null;
  name: string;
  slackUserId?: string;
}

/** actorOf describes the caller of a scoped request (dashboard user or API key). */
export function actorOf(scope: WorkspaceScope): Actor {
  return scope.actor.type === 'api_key'
    ? { type: 'api_key', id: scope.actor.id, name: scope.actor.name }
    : { type: 'dashboard_user', id: scope.actor.id, name: scope.actor.name, slackUserId: scope.actor.slackUserId };
}

/** viaOf is the channel a scoped request came through. */
export function viaOf(scope: WorkspaceScope): Via {
  return scope.actor.type === 'api_key' ? 'api' : 'dashboard';
}
