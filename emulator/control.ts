import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Failure } from './faults';
import { readBody, sendJson } from './http';
import { postToResponseUrl } from './response-url';
import type { EmulatorState } from './state';

type Json = Record<string, unknown>;
type Handler = (state: EmulatorState, body: Json, url: URL) => unknown;

const s = (v: unknown): string => (typeof v === 'string' ? v : '');

/** ROUTES are the emulator's control endpoints (JSON) for tests that run it as a separate process. */
const ROUTES: Record<string, Handler> = {
  'GET calls': (state, _b, url) => ({ calls: state.calls(url.searchParams.get('method') ?? undefined) }),
  'GET messages': (state, _b, url) => ({ messages: state.messages(url.searchParams.get('channel') ?? '') }),
  'GET sent': (state) => ({ sent: state.app.sent }),
  'POST reset': (state) => (state.reset(), { ok: true }),
  'POST app_url': (state, b) => (state.setAppUrl(s(b.url) || undefined), { ok: true }),
  'POST install': (state, b) => state.install({ teamId: s(b.teamId), userId: s(b.userId) || undefined, botScopes: b.botScopes as string[] | undefined, userScopes: b.userScopes as string[] | undefined }),
  'POST revoke': (state, b) => (state.revokeTokens(s(b.teamId)), { ok: true }),
  'POST uninstall': (state, b) => state.uninstall(s(b.teamId)),
  'POST events': (state, b) =>
    state.sendEvent(s(b.teamId), b.event as Json, { retryNum: b.retryNum as number | undefined, retryReason: b.retryReason as string | undefined, eventId: s(b.eventId) || undefined }),
  'POST url_verification': (state, b) => state.sendUrlVerification(s(b.challenge) || undefined),
  'POST commands': (state, b) => state.sendSlashCommand(s(b.teamId), s(b.userId), s(b.channelId), s(b.text), { command: s(b.command) || undefined }),
  'POST drop_next_response': (state, b) => (state.dropNextResponse(s(b.method), countOf(b.count)), { ok: true, pending: state.faults.pending() }),
  'POST fail_next': (state, b) =>
    (state.failNext(s(b.method), { status: num(b.status), error: b.error, ratelimited: num(b.ratelimited) } as Failure, countOf(b.count)), { ok: true, pending: state.faults.pending() }),
  'POST delay_next': (state, b) => (state.delayNext(s(b.method), Number(num(b.ms)), countOf(b.count)), { ok: true, pending: state.faults.pending() }),
  'POST fail_during': (state, b) => (
    state.faults.during(s(b.method), { kind: 'fail', failure: { status: num(b.status), error: b.error, ratelimited: num(b.ratelimited) } as Failure }, { ms: Number(num(b.ms)), ratio: b.ratio === undefined ? undefined : Number(num(b.ratio)) }),
    { ok: true, windows: state.faults.openWindows() }
  ),
  'GET faults': (state) => ({ pending: state.faults.pending(), windows: state.faults.openWindows() }),
  'GET socket_mode': (state) => ({ connections: socketMode(state).connectionCount(), envelopes: socketMode(state).envelopes }),
  'POST socket_mode/refresh': (state) => ({ ok: true, asked: socketMode(state).refresh() }),
  'POST socket_mode/drop_next_ack': (state, b) => (socketMode(state).dropNextAck(countOf(b.count)), { ok: true }),
  'POST click': (state, b) =>
    state.clickButton({ teamId: s(b.teamId), channelId: s(b.channelId), ts: s(b.ts), actionId: s(b.actionId), userId: s(b.userId) || undefined, value: s(b.value) || undefined }),
};

/** socketMode is the emulator's Socket Mode side, or an error (answered 400) when it runs without an app token. */
function socketMode(state: EmulatorState) {
  if (!state.socketMode) throw new Error('Socket Mode is off: start the emulator with an app-level token (SLACK_APP_TOKEN)');
  return state.socketMode;
}

/** num reads an optional number given as JSON or as form text. */
function num(v: unknown): unknown {
  return typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
}

/** countOf reads an optional `count` (default 1). */
function countOf(v: unknown): number {
  return v === undefined || v === null || v === '' ? 1 : Number(v);
}

/** handleControl serves `/_emulator/*`; false when the path is not one of its routes. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, state: EmulatorState): Promise<boolean> {
  const rest = url.pathname.slice('/_emulator/'.length);
  if (rest.startsWith('avatar/') && req.method === 'GET') {
    const initials = rest.slice(7).replace(/\.svg$/, '').slice(-4, -1);
    res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' });
    res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" rx="8" fill="#4a154b"/><text x="24" y="30" font-size="14" text-anchor="middle" fill="#fff" font-family="sans-serif">${initials.replace(/[^A-Z0-9]/gi, '')}</text></svg>`);
    return true;
  }
  const raw = req.method === 'POST' ? await readBody(req) : '';
  const body = parseBody(raw, req.headers['content-type'] ?? '');
  if (rest.startsWith('response/') && req.method === 'POST') {
    const result = postToResponseUrl(state, rest.slice('response/'.length), body);
    sendJson(res, result.status, result.body);
    return true;
  }
  const handler = ROUTES[`${req.method} ${rest}`];
  if (!handler) return false;
  try {
    sendJson(res, 200, await handler(state, body, url));
  } catch (err) {
    sendJson(res, 400, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
  return true;
}

/** parseBody reads a JSON or form body (response_url posts may be either). */
function parseBody(raw: string, type: string): Json {
  if (!raw) return {};
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = Object.fromEntries(new URLSearchParams(raw));
    return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Json) : form;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Json) : {};
  } catch {
    return {};
  }
}
