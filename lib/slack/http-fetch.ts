// The transport under the Slack WebClient: a fetch over node:http(s) with keep-alive agents. Measured on this
// 2-core machine, a chat.postMessage through the global fetch cost ~0.7 ms of CPU (undici's fetch, plus Next's
// tracing wrapper around it when the worker runs inside the app, which also made ~1/9 of the app's garbage at
// 50 alerts/s); over node:http with a kept-alive socket, ~0.12 ms. The SDK only sends string bodies here
// (form-encoded arguments); anything else (multipart file uploads) goes through the global fetch.
import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return headers;
}

/** slackFetch is a fetch for the Slack Web API: string bodies over kept-alive node:http(s) sockets. */
export function slackFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const agent = agents[url.protocol as keyof typeof agents];
  if (input instanceof Request || !agent || (init.body !== undefined && init.body !== null && typeof init.body !== 'string')) {
    return globalThis.fetch(input, init);
  }
  const body = init.body ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    const signal = init.signal ?? undefined;
    const aborted = () => (signal?.reason instanceof Error ? signal.reason : new Error('The request was aborted'));
    if (signal?.aborted) return reject(aborted());
    const headers = plainHeaders(init.headers);
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init.method ?? 'GET', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        signal?.removeEventListener('abort', abort);
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = response.statusCode ?? 0;
        // A Response may not carry a body with these statuses.
        const empty = status === 204 || status === 304;
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
      });
    });
    const abort = () => request.destroy(aborted());
    signal?.addEventListener('abort', abort, { once: true });
    request.on('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(error);
    });
    request.end(body);
  });
}
