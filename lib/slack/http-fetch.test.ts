// slackFetch against a real local HTTP server: what the Slack SDK relies on from a fetch.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFetch } from './http-fetch';

let server: http.Server;
let base: string;
const seen: Array<{ method?: string; headers: http.IncomingHttpHeaders; body: string; port: number }> = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method, headers: request.headers, body, port: request.socket.remotePort! });
      if (request.url === '/hang') return; // never answers
      if (request.url === '/limited') {
        response.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
        return response.end('{"ok":false,"error":"ratelimited"}');
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-slack-req-id': 'abc' });
      response.end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('slackFetch', () => {
  it('sends a form body with its headers and reads status, headers and JSON back', async () => {
    const response = await slackFetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body: 'channel=C1&text=h%C3%A9',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-slack-req-id')).toBe('abc');
    await expect(response.json()).resolves.toEqual({ ok: true, echo: 'channel=C1&text=h%C3%A9' });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', body: 'channel=C1&text=h%C3%A9' });
    expect(request.headers).toMatchObject({ authorization: 'Bearer xoxb-1', 'content-length': '23', 'content-type': 'application/x-www-form-urlencoded' });
  });

  it('passes a 429 and its Retry-After through', async () => {
    const response = await slackFetch(`${base}/limited`, { method: 'POST', body: '' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('keeps the connection alive between calls', async () => {
    await (await slackFetch(`${base}/a`, { method: 'POST', body: 'x=1' })).text();
    await (await slackFetch(`${base}/b`, { method: 'POST', body: 'x=2' })).text();
    const [first, second] = seen.slice(-2);
    expect(second!.port).toBe(first!.port);
  });

  it('gives up when its signal aborts (the client timeout)', async () => {
    const started = Date.now();
    await expect(slackFetch(`${base}/hang`, { method: 'POST', body: 'x=1', signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
