import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { LogLevel, WebClient } from '@slack/web-api';
import { provideEnv } from '../env';
import { classifySlackError } from '../delivery/classify-slack-error';
import { slackClient } from './client';

// A stand-in Slack whose answer is picked by the channel of the call, and which keeps what it was sent.
const received: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];
const ANSWERS: Record<string, (response: ServerResponse) => void> = {
  C_OK: (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"channel":"C_OK","ts":"1700000000.000100"}'),
  C_LIMITED: (response) => response.writeHead(429, { 'retry-after': '7' }).end(),
  C_BAD_RETRY: (response) => response.writeHead(429, { 'retry-after': 'soon' }).end(),
  C_GONE: (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":false,"error":"channel_not_found"}'),
  C_502: (response) => response.writeHead(502).end('bad gateway'),
  C_HTML: (response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
  C_SILENT: () => undefined,
};

let server: Server;
let apiUrl: string;

function channelOf(body: string, type: string | undefined): string {
  if (type?.includes('application/json')) return String((JSON.parse(body) as { channel?: unknown }).channel);
  return new URLSearchParams(body).get('channel') ?? '';
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body });
      ANSWERS[channelOf(body, request.headers['content-type'])]?.(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  provideEnv({ SLACK_API_URL: apiUrl });
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('slackClient', () => {
  const message = {
    text: 'Disk full',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Disk full* on db-1 & co' } }],
    unfurl_links: false,
    metadata: { event_type: 'klaxon_alert', event_payload: { delivery_id: 'd1' } },
  };

  it('sends alert messages as one JSON body with the bot token as a Bearer header', async () => {
    received.length = 0;
    const answer = await slackClient('xoxb-json-1').chat.postMessage({ channel: 'C_OK', ...message });
    expect(answer).toMatchObject({ ok: true, ts: '1700000000.000100' });
    await slackClient('xoxb-json-1').chat.update({ channel: 'C_OK', ts: '1700000000.000100', text: 'Resolved', blocks: message.blocks });
    expect(received.map((call) => call.url)).toEqual(['/api/chat.postMessage', '/api/chat.update']);
    expect(received[0]!.headers).toMatchObject({ authorization: 'Bearer xoxb-json-1', 'content-type': 'application/json; charset=utf-8' });
    // Structured arguments stay structured: no JSON string inside a form field.
    expect(JSON.parse(received[0]!.body)).toEqual({ channel: 'C_OK', ...message });
    expect(JSON.parse(received[1]!.body)).toMatchObject({ ts: '1700000000.000100', blocks: message.blocks });
  });

  it('leaves every other method to the SDK (form-encoded)', async () => {
    received.length = 0;
    await slackClient('xoxb-json-1').chat.getPermalink({ channel: 'C_OK', message_ts: '1.2' });
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it.each(['C_LIMITED', 'C_BAD_RETRY', 'C_GONE', 'C_502', 'C_HTML'])('fails on %s exactly as the SDK does', async (channel) => {
    const sdk = new WebClient('xoxb-sdk', { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
    const caught = (call: Promise<unknown>) => call.then(() => null, (error: unknown) => error as Record<string, unknown>);
    const ours = await caught(slackClient('xoxb-json-2').chat.postMessage({ channel, text: 'x' }));
    const theirs = await caught(sdk.chat.postMessage({ channel, text: 'x' }));
    expect(ours).not.toBeNull();
    expect(ours!.constructor).toBe(theirs!.constructor);
    expect({ code: ours!.code, retryAfter: ours!.retryAfter, statusCode: ours!.statusCode, error: (ours!.data as { error?: string } | undefined)?.error }).toEqual({
      code: theirs!.code,
      retryAfter: theirs!.retryAfter,
      statusCode: theirs!.statusCode,
      error: (theirs!.data as { error?: string } | undefined)?.error,
    });
    expect(classifySlackError(ours)).toEqual(classifySlackError(theirs));
  });

  it('gives up on a Slack that does not answer within the timeout, as a retryable network error', async () => {
    const started = Date.now();
    const error = await slackClient('xoxb-json-3', { timeoutMs: 200 })
      .chat.postMessage({ channel: 'C_SILENT', text: 'x' })
      .then(() => null, (caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(classifySlackError(error)).toMatchObject({ kind: 'retryable' });
  });
});
