/**
 * Helpers for the emulator's own tests: a started emulator with fixed credentials, Web API calls over
 * HTTP, the browser install flow, and a tiny app stub that records what the emulator sends it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from './server';

export const SECRETS = { signingSecret: 'test-signing-secret', clientId: '111.222', clientSecret: 'test-client-secret' };
export const REDIRECT_URI = 'http://127.0.0.1:9/api/slack/oauth_redirect';

/** startTestEmulator starts an emulator with the test credentials. */
export function startTestEmulator(options: Partial<SlackEmulatorOptions> = {}): Promise<SlackEmulator> {
  return startSlackEmulator({ ...SECRETS, ...options });
}

/** ApiResult is a Web API answer with its HTTP status and headers. */
export interface ApiResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { ok: boolean; error?: string };
}

/** api POSTs a form-encoded Web API call with a bearer token, as @slack/web-api does. */
export async function api(emu: SlackEmulator, method: string, params: Record<string, unknown> = {}, token?: string): Promise<ApiResult> {
  const form = new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const res = await fetch(`${emu.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: form,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as ApiResult['body'] };
}

/** authorize walks the consent page: GET it, then POST its form with `decision`; returns the redirect URL. */
export async function authorize(
  emu: SlackEmulator,
  query: Record<string, string>,
  form: Record<string, string> = {},
  path = '/oauth/v2/authorize',
): Promise<URL> {
  const params = { client_id: SECRETS.clientId, redirect_uri: REDIRECT_URI, state: 'st-123', ...query };
  const page = await fetch(`${emu.url}${path}?${new URLSearchParams(params)}`);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
  const res = await fetch(`${emu.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, team: 'T0ACME0001', decision: 'allow', ...form }),
  });
  if (res.status !== 302) throw new Error(`consent answered ${res.status}`);
  return new URL(res.headers.get('location') ?? '');
}

/** installBot installs via the consent page and the code exchange, returning the bot token. */
export async function installBot(emu: SlackEmulator, scope: string, teamId = 'T0ACME0001'): Promise<string> {
  const back = await authorize(emu, { scope }, { team: teamId });
  const res = await api(emu, 'oauth.v2.access', { ...credentials(), code: back.searchParams.get('code') ?? '', redirect_uri: REDIRECT_URI });
  if (!res.body.ok) throw new Error(`install failed: ${res.body.error}`);
  return String(res.body.access_token);
}

/** credentials are the app's client id and secret as form fields. */
export function credentials(): Record<string, string> {
  return { client_id: SECRETS.clientId, client_secret: SECRETS.clientSecret };
}

/** ReceivedRequest is one request the app stub received. */
export interface ReceivedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** AppStub is a fake app server: it records requests and answers with `status` and `body`. */
export interface AppStub {
  url: string;
  received: ReceivedRequest[];
  reply: { status: number; body: string };
  /** afterReply, when set, runs after each answer: an app's work after the ack (views.open, views.publish …). */
  afterReply: ((req: ReceivedRequest) => void) | null;
  close(): Promise<void>;
}

/** startAppStub starts the fake app on a free port. */
export async function startAppStub(): Promise<AppStub> {
  const received: ReceivedRequest[] = [];
  const reply = { status: 200, body: '' };
  const stub = { afterReply: null as AppStub['afterReply'] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      res.writeHead(reply.status, { 'Content-Type': reply.body.startsWith('{') ? 'application/json' : 'text/plain' });
      res.end(reply.body, () => stub.afterReply?.(request));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    received,
    reply,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** hasValidSignature checks Slack's v0 signature independently of the emulator's signing code. */
export function hasValidSignature(req: ReceivedRequest, secret: string): boolean {
  const ts = String(req.headers['x-slack-request-timestamp'] ?? '');
  const given = Buffer.from(String(req.headers['x-slack-signature'] ?? ''));
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${ts}:${req.rawBody}`).digest('hex')}`);
  const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

/** payloadOf decodes an interactivity request's `payload` form field. */
export function payloadOf(req: ReceivedRequest): Record<string, unknown> {
  return JSON.parse(new URLSearchParams(req.rawBody).get('payload') ?? '{}') as Record<string, unknown>;
}
