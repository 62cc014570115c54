// The REST API's endpoints on the pipeline: authenticated by API key or session into a WorkspaceScope
// (authenticate.ts), with every error mapped to the API's JSON error shape by the pipeline.
import type { WorkspaceScope } from '../auth/workspace-scope';
import type { ApiKeyScope } from '../schemas/api-key';
import { authenticate } from './authenticate';
import type { Answer, Endpoint, Outcome } from './pipeline';
import type { RequestHead } from './request-head';
import { webRoute, type WebRoute } from './web-route';

/** ApiContext is what an endpoint handler receives: the request, its workspace scope, params and body. */
export interface ApiContext<P> {
  request: RequestHead;
  scope: WorkspaceScope;
  params: P;
  json: () => Promise<unknown>;
}

/** apiEndpoint defines an endpoint that needs `permission` in some workspace; `rateLimited` spends the caller's allowance. */
export function apiEndpoint<P = Record<string, never>>(
  permission: ApiKeyScope,
  handler: (context: ApiContext<P>) => Promise<Answer>,
  options: { rateLimited?: boolean; observe?: (outcome: Outcome) => void } = {},
): Endpoint<WorkspaceScope, P> {
  return {
    access: (request) => authenticate(request.head, permission),
    ...(options.rateLimited ? { rateLimitKey: (scope: WorkspaceScope) => scope.actor.id } : {}),
    handle: (scope, request) => handler({ request: request.head, scope, params: request.params, json: request.json }),
    ...(options.observe ? { observe: options.observe } : {}),
  };
}

/** withApi wraps a route handler that needs `permission` in some workspace. */
export function withApi<P = Record<string, never>>(permission: ApiKeyScope, handler: (context: ApiContext<P>) => Promise<Answer>): WebRoute<P> {
  return webRoute(apiEndpoint(permission, handler));
}
