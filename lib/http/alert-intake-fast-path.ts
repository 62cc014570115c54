// The alert intake endpoint served straight from node:http, in front of Next's router, for API-key requests:
// the hottest endpoint skips the framework's per-request work (about half of its cost) while running the
// very same lib code as app/api/v1/alerts/route.ts. Session requests still go through Next.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { receiveAlert } from '../alerts/receive-alert';
import { readNodeJson } from './read-json';
import { errorPayload, type PlainResponse } from './to-response';
import { scopeFromApiKey } from './with-api';

/** isFastAlertIntake tells whether a request is an API-key POST of an alert. */
export function isFastAlertIntake(request: IncomingMessage): boolean {
  const path = request.url?.split('?')[0];
  return request.method === 'POST' && path === '/api/v1/alerts' && /^bearer /i.test(request.headers.authorization ?? '');
}

function send(response: ServerResponse, answer: PlainResponse): void {
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...answer.headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/** serveAlertIntake answers one API-key alert POST exactly as the Next route would. */
export async function serveAlertIntake(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const scope = await scopeFromApiKey(request.headers.authorization!, 'alerts:write');
    send(response, { status: 202, headers: {}, body: await receiveAlert(scope, await readNodeJson(request)) });
  } catch (error) {
    send(response, errorPayload(error));
    // The client may still be sending a body we refused to read: close instead of reading it.
    if (!request.complete) request.destroy();
  }
}
