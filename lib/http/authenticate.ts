// The pipeline's access stage for the REST API: an API key (Bearer) or the dashboard session, turned into the
// WorkspaceScope the endpoint acts in (never taken from the URL alone), with key scopes, admin rights and the
// same-origin rule for session writes enforced here, once.
import { authenticateApiKey } from '../api-keys/api-keys';
import { readSession, SESSION_COOKIE } from '../auth/sessions';
import { assertAdmin, scopeForSession, type WorkspaceScope } from '../auth/workspace-scope';
import { AppError } from '../errors';
import { addLogContext } from '../log';
import type { ApiKeyScope } from '../schemas/api-key';
import { refuseUnstorableText } from '../schemas/storable-text';
import { readCookie } from './cookies';
import { assertSameOrigin } from './csrf';
import type { RequestHead } from './request-head';

async function scopeFromSession(request: RequestHead, permission: ApiKeyScope): Promise<WorkspaceScope> {
  const token = readCookie(request, SESSION_COOKIE);
  const session = token ? await readSession(token) : null;
  if (!session) throw new AppError('unauthorized', 'Send an API key as `Authorization: Bearer <key>`, or sign in.');
  assertSameOrigin(request);
  const requested = new URL(request.url).searchParams.get('team_id');
  refuseUnstorableText({ team_id: requested }, 'team_id');
  const only = session.memberships.length === 1 ? session.memberships[0]!.workspace.id : null;
  const teamId = requested ?? only;
  if (!teamId) throw new AppError('invalid_request', 'team_id is required: this session is signed in to several workspaces.');
  const scope = scopeForSession(session, teamId);
  if (permission !== 'alerts:read') assertAdmin(scope);
  return scope;
}

/** KeyScheme is a way an Authorization header carries an API key: as a Bearer token, a Basic password, or Opsgenie's GenieKey. */
export type KeyScheme = 'Bearer' | 'Basic' | 'GenieKey';

/** keyFromAuthorization reads the API key from an Authorization header in one of `schemes`, or null. */
export function keyFromAuthorization(authorization: string | null, schemes: readonly KeyScheme[]): string | null {
  const [kind, value] = (authorization ?? '').trim().split(/\s+/, 2);
  const scheme = schemes.find((name) => name.toLowerCase() === kind?.toLowerCase());
  if (!scheme || !value) return null;
  if (scheme !== 'Basic') return value;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1) || null;
}

/** scopeForKey returns the scope an API key acts in, refusing a key without `permission`; later log lines name it. */
export async function scopeForKey(key: string, permission: ApiKeyScope): Promise<WorkspaceScope> {
  const { scope, keyScopes } = await authenticateApiKey(key.trim());
  if (!keyScopes.includes(permission)) throw new AppError('forbidden', `This API key lacks the ${permission} scope.`);
  addLogContext({ workspace: scope.workspaceId, actor: `${scope.actor.type}:${scope.actor.id}` });
  return scope;
}

/**
 * authenticate returns the scope of a request that needs `permission`: by its API key when it sends an
 * Authorization header, else by its session. Every later log line of the request names the workspace.
 */
export async function authenticate(request: RequestHead, permission: ApiKeyScope): Promise<WorkspaceScope> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const key = keyFromAuthorization(authorization, ['Bearer']);
    if (!key) throw new AppError('unauthorized', 'Authorization must be `Bearer <api key>`.');
    return scopeForKey(key, permission);
  }
  const scope = await scopeFromSession(request, permission);
  addLogContext({ workspace: scope.workspaceId, actor: `${scope.actor.type}:${scope.actor.id}` });
  return scope;
}
