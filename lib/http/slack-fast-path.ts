// Slack's endpoints served straight from node:http in front of Next's router (as alert intake is): Slack
// wants an answer within 3 s and bursts of clicks arrive together, so the framework's per-request work is
// skipped. The same functions back app/api/slack/*/route.ts; deferred work runs after the answer is sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { slackCommandsEndpoint, slackEventsEndpoint, slackInteractionsEndpoint, type Defer } from './slack-endpoints';

const ENDPOINTS: Record<string, (request: Request, defer: Defer) => Promise<Response>> = {
  '/api/slack/events': slackEventsEndpoint,
  '/api/slack/interactions': slackInteractionsEndpoint,
  '/api/slack/commands': (request) => slackCommandsEndpoint(request),
};

/** isSlackRequest tells whether a request is a POST to one of Klaxon's Slack endpoints. */
export function isSlackRequest(request: IncomingMessage): boolean {
  return request.method === 'POST' && (request.url?.split('?')[0] ?? '') in ENDPOINTS;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** serveSlackRequest answers a Slack request, then runs its deferred work (handed to `track`, if given). */
export async function serveSlackRequest(
  request: IncomingMessage,
  response: ServerResponse,
  track: (work: Promise<void>) => void = () => undefined,
): Promise<void> {
  const path = request.url!.split('?')[0]!;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  const body = await readBody(request);
  const deferred: Array<() => Promise<void>> = [];
  const answer = await ENDPOINTS[path]!(new Request(`http://localhost${request.url}`, { method: 'POST', headers, body: new Uint8Array(body) }), (work) => deferred.push(work));
  const payload = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'Content-Length': payload.byteLength });
  await new Promise<void>((resolve) => response.end(payload, resolve));
  for (const work of deferred) track(work());
}
