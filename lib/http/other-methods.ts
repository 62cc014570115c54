// The API's answers for requests no endpoint serves, so that every answer under /api/ is the API's JSON error:
// Next answers a method a route module does not export with an empty 405 and an unknown path with its HTML
// 404 page. Each route.ts exports the methods it lacks from otherMethods, and app/api/[...path] catches
// every path no route matches. Both go through the pipeline (request id, access log, metrics) like any endpoint.
import { AppError } from '../errors';
import { publicRoute, type WebRoute } from './web-route';

/** API_METHODS are the methods a route module answers: those it serves, and 405 for the rest. */
export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type ApiMethod = (typeof API_METHODS)[number];

/** MethodNotAllowedError is a 405 naming the methods the path does serve (the `Allow` header). */
export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allow: string,
  ) {
    super('method_not_allowed', `${method} is not allowed here; use ${allow}.`);
  }
}

function allowHeader(served: readonly string[]): string {
  // Next answers HEAD from GET and OPTIONS by itself.
  const methods = new Set(served);
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].join(', ');
}

/**
 * otherMethods returns a 405 handler for every API method a route module does not serve; a route.ts spreads
 * it into its exports: `export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST })`. The type only
 * offers the methods missing from `served`, so a route cannot shadow one of its own.
 */
export function otherMethods<S extends Partial<Record<ApiMethod, unknown>>>(served: S): Record<Exclude<ApiMethod, keyof S>, WebRoute<unknown>> {
  const allow = allowHeader(API_METHODS.filter((method) => method in served));
  const refuse = publicRoute<unknown>((request) => Promise.reject(new MethodNotAllowedError(request.head.method, allow)));
  return Object.fromEntries(API_METHODS.filter((method) => !(method in served)).map((method) => [method, refuse])) as Record<
    Exclude<ApiMethod, keyof S>,
    WebRoute<unknown>
  >;
}

/** unknownApiPath answers 404 in the API's JSON for a path under /api/ that no route serves, whatever the method. */
export const unknownApiPath: WebRoute<unknown> = publicRoute<unknown>((request) =>
  Promise.reject(new AppError('not_found', `No API endpoint at ${new URL(request.head.url).pathname}; see /api/v1/openapi.json.`)),
);
