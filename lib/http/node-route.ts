// The pipeline's adapter for node:http: the endpoints that must answer fastest (alert intake, and Slack's,
// which allows 3 s and sends bursts of clicks together) served in front of Next's router, skipping the
// framework's per-request work (about half of intake's cost). The same endpoint definitions back their
// app/api route.ts files; work an endpoint defers runs once the answer has been sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { alertmanagerIntake, grafanaIntake, opsgenieAction, opsgenieCreate, pagerDutyIntake } from '../integrations/endpoints';
import { webhookIntake } from '../integrations/webhook-intake';
import { alertIntake } from './alert-intake';
import { decodeSegment, isDecodablePath, malformedPath, MAX_TARGET_LENGTH, targetTooLong } from './path-params';
import { servePipeline, type Answer, type Endpoint, type Transport } from './pipeline';
import { MAX_BODY_BYTES, readNodeBody } from './read-json';
import type { RequestHead } from './request-head';
import { slackCommands, slackEvents, slackInteractions } from './slack-endpoints';

type Serve = (transport: Transport, params: Record<string, string>) => Promise<Answer>;

const serve =
  <A, P>(endpoint: Endpoint<A, P>): Serve =>
  (transport, params) =>
    servePipeline(transport, endpoint, params as P);

// POST paths only: every other method and path goes to Next.
const FAST_PATHS: Record<string, Serve> = {
  '/api/v1/alerts': serve(alertIntake),
  '/api/v1/integrations/alertmanager': serve(alertmanagerIntake),
  '/api/v1/integrations/grafana': serve(grafanaIntake),
  '/api/v1/integrations/pagerduty/v2/enqueue': serve(pagerDutyIntake),
  '/api/v1/integrations/opsgenie/v2/alerts': serve(opsgenieCreate),
  '/api/slack/events': serve(slackEvents),
  '/api/slack/interactions': serve(slackInteractions),
  '/api/slack/commands': serve(slackCommands),
};

// POST paths with an id in them, by their route template (`[name]` segments).
const FAST_TEMPLATES: Record<string, Serve> = {
  '/api/v1/integrations/opsgenie/v2/alerts/[id]/acknowledge': serve(opsgenieAction('acknowledge')),
  '/api/v1/integrations/opsgenie/v2/alerts/[id]/close': serve(opsgenieAction('resolve')),
  '/api/v1/integrations/webhook/[token]': serve(webhookIntake),
};

const TEMPLATES = Object.entries(FAST_TEMPLATES).map(([route, serveIt]) => ({ route, serve: serveIt, segments: route.split('/') }));

interface Matched {
  route: string;
  serve: Serve;
  params: Record<string, string>;
}

// Next answers a path it cannot decode (`%ZZ`, `%C0%80`) with a bare 500 before any route runs: such a path,
// whatever the method, is answered here, through the pipeline, with a 400.
const MALFORMED: Matched = { route: '(malformed path)', serve: serve(malformedPath), params: {} };
const TOO_LONG: Matched = { route: '(target too long)', serve: serve(targetTooLong), params: {} };

// Opsgenie's SDKs end their paths with a slash (`/v2/alerts/`): one trailing slash is ignored.
function match(request: IncomingMessage): Matched | null {
  const url = request.url ?? '';
  if (url.length > MAX_TARGET_LENGTH) return TOO_LONG;
  if (!isDecodablePath(url)) return MALFORMED;
  if (request.method !== 'POST') return null;
  const query = url.indexOf('?');
  const full = query < 0 ? url : url.slice(0, query);
  const path = full.length > 1 && full.endsWith('/') ? full.slice(0, -1) : full;
  if (Object.hasOwn(FAST_PATHS, path)) return { route: path, serve: FAST_PATHS[path]!, params: {} };
  const segments = path.split('/');
  for (const template of TEMPLATES) {
    if (template.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = template.segments.every((part, index) => {
      const segment = segments[index]!;
      if (!part.startsWith('[')) return part === segment;
      if (segment === '') return false;
      params[part.slice(1, -1)] = decodeSegment(segment);
      return true;
    });
    if (fits) return { route: template.route, serve: template.serve, params };
  }
  return null;
}

/** isFastPath tells whether node:http serves a request itself rather than handing it to Next. */
export function isFastPath(request: IncomingMessage): boolean {
  return match(request) !== null;
}

function headOf(request: IncomingMessage): RequestHead {
  return {
    method: request.method!,
    url: `http://${request.headers.host ?? 'localhost'}${request.url}`,
    headers: {
      get: (name) => {
        const value = request.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
  };
}

async function send(response: ServerResponse, answer: Answer): Promise<void> {
  let body: Uint8Array;
  let headers: Record<string, string | string[]>;
  if (answer instanceof Response) {
    body = new Uint8Array(await answer.arrayBuffer());
    headers = Object.fromEntries(answer.headers);
    const cookies = answer.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
  } else {
    body = answer.body === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(answer.body));
    headers = answer.body === undefined ? answer.headers : { ...answer.headers, 'Content-Type': 'application/json' };
  }
  response.writeHead(answer.status, { ...headers, 'Content-Length': body.byteLength });
  await new Promise<void>((resolve) => response.end(body, resolve));
}

// A request answered before its body was read (refused early): drain a small body to keep the connection,
// close instead of reading a large or unbounded one.
function discardBody(request: IncomingMessage): void {
  if (request.complete || request.readableEnded) return;
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(length) && length <= MAX_BODY_BYTES) request.resume();
  else request.destroy();
}

/** serveFastPath answers a request isFastPath accepted, then runs its deferred work (handed to `track`, if given). */
export async function serveFastPath(
  request: IncomingMessage,
  response: ServerResponse,
  track: (work: Promise<void>) => void = () => undefined,
): Promise<void> {
  const { route, serve: serveIt, params } = match(request)!;
  const deferred: Array<() => Promise<void>> = [];
  const transport: Transport = { head: headOf(request), route, readBody: () => readNodeBody(request), defer: (work) => deferred.push(work) };
  const answer = await serveIt(transport, params);
  await send(response, answer);
  discardBody(request);
  for (const work of deferred) track(work());
}
