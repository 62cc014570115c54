// The one wrapper every REST endpoint goes through: authenticates an API key (Bearer) or the dashboard
// session, derives the WorkspaceScope from it (never from the URL alone), enforces key scopes, admin rights
// and the same-origin rule for session writes, and maps every error to the API's JSON error shape.
import { authenticateApiKey } from '../api-keys/api-keys';
import { readSession, SESSION_COOKIE } from '../auth/sessions';
import { assertAdmin, scopeForSession, type WorkspaceScope } from '../auth/workspace-scope';
import { AppError } from '../errors';
import type { ApiKeyScope } from '../schemas/api-key';
import { readCookie } from './cookies';
import { assertSameOrigin } from './csrf';
import { errorResponse } from './to-response';

/** ApiContext is what an endpoint handler receives: the request, its workspace scope and route params. */
export interface ApiContext<P> {
  request: Request;
  scope: WorkspaceScope;
  params: P;
}

type RouteContext<P> = { params: Promise<P> };

async function scopeFromSession(request: Request, permission: ApiKeyScope): Promise<WorkspaceScope> {
  const token = readCookie(request, SESSION_COOKIE);
  const session = token ? await readSession(token) : null;
  if (!session) throw new AppError('unauthorized', 'Send an API key as `Authorization: Bearer <key>`, or sign in.');
  assertSameOrigin(request);
  const requested = new URL(request.url).searchParams.get('team_id');
  const only = session.memberships.length === 1 ? session.memberships[0]!.workspace.id : null;
  const teamId = requested ?? only;
  if (!teamId) throw new AppError('invalid_request', 'team_id is required: this session is signed in to several workspaces.');
  const scope = scopeForSession(session, teamId);
  if (permission !== 'alerts:read') assertAdmin(scope);
  return scope;
}

/** scopeFromApiKey authenticates an `Authorization: Bearer <key>` header for one permission. */
export async function scopeFromApiKey(authorization: string, permission: ApiKeyScope): Promise<WorkspaceScope> {
  const [kind, key] = authorization.split(' ', 2);
  if (kind?.toLowerCase() !== 'bearer' || !key) throw new AppError('unauthorized', 'Authorization must be `Bearer <api key>`.');
  const { scope, keyScopes } = await authenticateApiKey(key.trim());
  if (!keyScopes.includes(permission)) throw new AppError('forbidden', `This API key lacks the ${permission} scope.`);
  return scope;
}

async function authenticate(request: Request, permission: ApiKeyScope): Promise<WorkspaceScope> {
  const authorization = request.headers.get('authorization');
  return authorization ? scopeFromApiKey(authorization, permission) : scopeFromSession(request, permission);
}

/** withApi wraps a route handler that needs `permission` in some workspace. */
export function withApi<P = Record<string, never>>(
  permission: ApiKeyScope,
  handler: (context: ApiContext<P>) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const scope = await authenticate(request, permission);
      return await handler({ request, scope, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
