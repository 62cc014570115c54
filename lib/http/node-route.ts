// The pipeline's adapter for node:http: the endpoints that must answer fastest (alert intake, and Slack's,
// which allows 3 s and sends bursts of clicks together) served in front of Next's router, skipping the
// framework's per-request work (about half of intake's cost). The same endpoint definitions back their
// app/api route.ts files; work an endpoint defers runs once the answer has been sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { alertmanagerIntake, opsgenieCreate, pagerDutyIntake } from '../integrations/endpoints';
import { alertIntake } from './alert-intake';
import { servePipeline, type Answer, type Endpoint, type Transport } from './pipeline';
import { MAX_BODY_BYTES, readNodeBody } from './read-json';
import type { RequestHead } from './request-head';
import { slackCommands, slackEvents, slackInteractions } from './slack-endpoints';

const serve =
  <A>(endpoint: Endpoint<A>) =>
  (transport: Transport) =>
    servePipeline(transport, endpoint, {});

// POST paths only: every other method and path goes to Next.
const FAST_PATHS: Record<string, (transport: Transport) => Promise<Answer>> = {
  '/api/v1/alerts': serve(alertIntake),
  '/api/v1/integrations/alertmanager': serve(alertmanagerIntake),
  '/api/v1/integrations/pagerduty/v2/enqueue': serve(pagerDutyIntake),
  '/api/v1/integrations/opsgenie/v2/alerts': serve(opsgenieCreate),
  '/api/slack/events': serve(slackEvents),
  '/api/slack/interactions': serve(slackInteractions),
  '/api/slack/commands': serve(slackCommands),
};

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** isFastPath tells whether node:http serves a request itself rather than handing it to Next. */
export function isFastPath(request: IncomingMessage): boolean {
  return request.method === 'POST' && Object.hasOwn(FAST_PATHS, pathOf(request));
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
  const path = pathOf(request);
  const deferred: Array<() => Promise<void>> = [];
  const transport: Transport = { head: headOf(request), route: path, readBody: () => readNodeBody(request), defer: (work) => deferred.push(work) };
  const answer = await FAST_PATHS[path]!(transport);
  await send(response, answer);
  discardBody(request);
  for (const work of deferred) track(work());
}
