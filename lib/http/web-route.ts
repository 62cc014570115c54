// The pipeline's adapter for web Request/Response handlers (Next's app/api route.ts files): one function per
// endpoint, its route template read from the matched path and its params.
import { servePipeline, type Answer, type Endpoint, type Incoming, type Transport } from './pipeline';
import { decodeSegment, UNUSABLE_PARAMS } from './path-params';
import { readWebBody } from './read-json';

type RouteContext<P> = { params: Promise<P> };

/** WebRoute is a route handler as Next calls it (tests call it the same way). */
export type WebRoute<P> = (request: Request, context?: RouteContext<P>) => Promise<Response>;

// The matched path with each param's segment named instead (`/api/v1/routes/[id]`): labels never hold ids.
function routeTemplate(pathname: string, params: unknown): string {
  const names = new Map(Object.entries(params as Record<string, unknown>).map(([name, value]) => [String(value), name]));
  return pathname
    .split('/')
    .map((segment) => {
      const name = names.get(decodeSegment(segment));
      return name ? `[${name}]` : segment;
    })
    .join('/');
}

/** webRoute serves an endpoint as a route handler; `defer` runs work after the answer (Next's `after`). */
export function webRoute<A, P>(endpoint: Endpoint<A, P>, defer: Transport['defer'] = (work) => void work()): WebRoute<P> {
  return async (request, context) => {
    // Next decodes the path's params; a malformed escape (`%ZZ`, an overlong or surrogate UTF-8 sequence) rejects
    // them: such a path names nothing (the pipeline answers 404), never a 500.
    const params = ((await Promise.resolve(context?.params).catch(() => UNUSABLE_PARAMS)) ?? {}) as P;
    const transport: Transport = {
      head: request,
      route: routeTemplate(new URL(request.url).pathname, params),
      readBody: () => readWebBody(request),
      defer,
    };
    const answer = await servePipeline(transport, endpoint, params);
    if (answer instanceof Response) return answer;
    return answer.body === undefined
      ? new Response(null, { status: answer.status, headers: answer.headers })
      : Response.json(answer.body, { status: answer.status, headers: answer.headers });
  };
}

/** publicRoute serves an endpoint anyone may call (health, the OAuth round trips) through the same pipeline. */
export function publicRoute<P = Record<string, never>>(handle: (request: Incoming<P>) => Promise<Answer>): WebRoute<P> {
  return webRoute<null, P>({ access: () => Promise.resolve(null), handle: (_, request) => handle(request) });
}
