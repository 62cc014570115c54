// The one request pipeline of every HTTP endpoint, whichever server carries the request: Next's route
// handlers (web-route.ts) and the node:http fast path in front of Next (node-route.ts) are thin adapters
// over servePipeline. Its stages, in order: request id (a sane incoming X-Request-Id, else a new one, echoed
// in the answer) → log context (every line logged while serving carries it) → access (API key or session
// with its workspace scope, or Slack's signature) → per-key rate limit → body within its limit → the endpoint
// → error → HTTP (to-response.ts) → metrics and one access log line → deferred work after the answer.
import { randomUUID } from 'node:crypto';
import { bindLogContext, log, withLogContext } from '../log';
import { metrics } from '../metrics';
import { refuseUnusableParams } from './path-params';
import { spendAllowance } from './rate-limit';
import { parseJson } from './read-json';
import type { RequestHead } from './request-head';
import { errorPayload, type PlainResponse } from './to-response';

/** Answer is what an endpoint returns: a framework-free JSON answer, or a web Response (redirects, cookies). */
export type Answer = Response | PlainResponse;

/** Transport is what a server adapter hands the pipeline. */
export interface Transport {
  head: RequestHead;
  /** route is the endpoint's path template for logs and metrics: never ids or free text. */
  route: string;
  /** readBody reads the whole body within MAX_BODY_BYTES (413 past it). */
  readBody(): Promise<Uint8Array>;
  /** defer runs work once the answer has been sent. */
  defer(work: () => Promise<void>): void;
}

/** Incoming is a request as an endpoint sees it. */
export interface Incoming<P> {
  head: RequestHead;
  params: P;
  requestId: string;
  /** body reads the body once (later calls share it), within MAX_BODY_BYTES. */
  body: () => Promise<Uint8Array>;
  json: () => Promise<unknown>;
  /** defer runs work after the answer, in this request's log context; a failure is logged, never thrown. */
  defer: (what: string, work: () => Promise<void>) => void;
}

/** Outcome is what an endpoint's own metrics see of a request it served. */
export interface Outcome {
  status: number;
  seconds: number;
}

/** Endpoint is one HTTP endpoint: who may call it, whose allowance it spends, what it does and counts. */
export interface Endpoint<A, P = Record<string, never>> {
  /** access decides who calls, throwing to refuse; what it returns is handed to `handle`. */
  access(request: Incoming<P>): Promise<A>;
  /** rateLimitKey names whose per-key allowance a request spends; without it the endpoint is not limited. */
  rateLimitKey?(access: A): string;
  handle(access: A, request: Incoming<P>): Promise<Answer>;
  /** mapError translates the endpoint's own failures before the API's error mapping. */
  mapError?(error: unknown): unknown;
  /** shapeError re-shapes the API's error answer for a format that answers errors its own way (PagerDuty, Opsgenie). */
  shapeError?(answer: PlainResponse, requestId: string): PlainResponse;
  observe?(outcome: Outcome): void;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

function requestIdOf(head: RequestHead): string {
  const incoming = head.headers.get('x-request-id');
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function withRequestId(answer: Answer, requestId: string): Answer {
  if (!(answer instanceof Response)) return { ...answer, headers: { ...answer.headers, 'X-Request-Id': requestId } };
  // A Response's headers may be immutable (Response.redirect): answer with a copy.
  const headers = new Headers(answer.headers);
  headers.set('X-Request-Id', requestId);
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}

/** servePipeline runs one request through every stage and returns the answer to send. */
export function servePipeline<A, P>(transport: Transport, endpoint: Endpoint<A, P>, params: P): Promise<Answer> {
  const started = performance.now();
  const requestId = requestIdOf(transport.head);
  return withLogContext({ requestId }, async () => {
    let body: Promise<Uint8Array> | undefined;
    const incoming: Incoming<P> = {
      head: transport.head,
      params,
      requestId,
      body: () => (body ??= transport.readBody()),
      json: async () => parseJson(await incoming.body()),
      defer: (what, work) =>
        transport.defer(bindLogContext(() => work().catch((error: unknown) => log().error({ err: error }, `${what} failed`)))),
    };
    let answer: Answer;
    try {
      refuseUnusableParams(params);
      const access = await endpoint.access(incoming);
      const key = endpoint.rateLimitKey?.(access);
      if (key !== undefined) await spendAllowance(key);
      answer = await endpoint.handle(access, incoming);
    } catch (error) {
      const payload = errorPayload(endpoint.mapError ? endpoint.mapError(error) : error);
      answer = endpoint.shapeError ? endpoint.shapeError(payload, requestId) : payload;
    }
    const seconds = (performance.now() - started) / 1000;
    const { method } = transport.head;
    endpoint.observe?.({ status: answer.status, seconds });
    metrics().httpRequests.observe({ route: transport.route, method, status: String(answer.status) }, seconds);
    log().info({ method, route: transport.route, status: answer.status, durationMs: Math.round(seconds * 10_000) / 10 }, 'request completed');
    return withRequestId(answer, requestId);
  });
}
