// The REST API's endpoints on the pipeline: authenticated by API key or session into a WorkspaceScope
// (authenticate.ts), with every error mapped to the API's JSON error shape by the pipeline.
import type { WorkspaceScope } from '../auth/workspace-scope';
import type { ApiKeyScope } from '../schemas/api-key';
import { AppError } from '../errors';
import { authenticate, scopeForKey } from './authenticate';
import type { Answer, Endpoint, Incoming, Outcome } from './pipeline';
import type { PlainResponse } from './to-response';
import type { RequestHead } from './request-head';
import { webRoute, type WebRoute } from './web-route';

/** ApiContext is what an endpoint handler receives: the request, its workspace scope, params and body. */
export interface ApiContext<P> {
  request: RequestHead;
  scope: WorkspaceScope;
  params: P;
  requestId: string;
  json: () => Promise<unknown>;
  /** body is the raw body (for a signature over it); json reads the same bytes. */
  body: () => Promise<Uint8Array>;
}

/** ApiEndpointOptions tune an API endpoint; the last two serve formats of other tools (lib/integrations). */
export interface ApiEndpointOptions<P> {
  /** rateLimited spends the caller's allowance. */
  rateLimited?: boolean;
  observe?: (outcome: Outcome) => void;
  /** key finds the API key where a format carries it (a Basic password, a GenieKey, a field of the body), instead of Bearer or session. */
  key?: { read: (request: Incoming<P>) => Promise<string | null>; missing: string };
  shapeError?: (answer: PlainResponse, requestId: string) => PlainResponse;
}

/** apiEndpoint defines an endpoint that needs `permission` in some workspace. */
export function apiEndpoint<P = Record<string, never>>(
  permission: ApiKeyScope,
  handler: (context: ApiContext<P>) => Promise<Answer>,
  options: ApiEndpointOptions<P> = {},
): Endpoint<WorkspaceScope, P> {
  const { key } = options;
  return {
    access: key
      ? async (request) => {
          const presented = await key.read(request);
          if (!presented) throw new AppError('unauthorized', key.missing);
          return scopeForKey(presented, permission);
        }
      : (request) => authenticate(request.head, permission),
    ...(options.rateLimited ? { rateLimitKey: (scope: WorkspaceScope) => scope.actor.id } : {}),
    handle: (scope, request) => handler({ request: request.head, scope, params: request.params, requestId: request.requestId, json: request.json, body: request.body }),
    ...(options.observe ? { observe: options.observe } : {}),
    ...(options.shapeError ? { shapeError: options.shapeError } : {}),
  };
}

/** withApi wraps a route handler that needs `permission` in some workspace. */
export function withApi<P = Record<string, never>>(permission: ApiKeyScope, handler: (context: ApiContext<P>) => Promise<Answer>): WebRoute<P> {
  return webRoute(apiEndpoint(permission, handler));
}
