import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatMethods } from './chat-methods';
import { reactionMethods } from './reaction-methods';
import { failureResponse, type Fault } from './faults';
import { historyMethods } from './history';
import { readParams, sendJson, str } from './http';
import { RateLimited, SlackError, requireScope, type MethodContext, type MethodSpec, type Result } from './method';
import { oauthMethods } from './oauth';
import { socketModeMethods } from './socket-mode-methods';
import type { EmulatorState } from './state';
import type { Params } from './types';
import { userGroupMethods } from './usergroup-methods';
import { workspaceMethods } from './workspace-methods';

const METHODS: Record<string, MethodSpec> = { ...workspaceMethods, ...historyMethods, ...chatMethods, ...reactionMethods, ...oauthMethods, ...userGroupMethods, ...socketModeMethods };
const SECRET_PARAMS = new Set(['token', 'client_secret', 'refresh_token']);

/**
 * handleWebApi answers `POST|GET /api/{method}` and records the call. A fault queued with
 * `state.failNext` answers instead of the method; one queued with `state.dropNextResponse` lets the
 * method run and then destroys the connection without answering; one queued with `state.delayNext` runs
 * the method after the delay; a `late` one runs it at once and answers after the delay.
 */
export async function handleWebApi(req: IncomingMessage, res: ServerResponse, method: string, url: URL, state: EmulatorState): Promise<void> {
  let params: Params = {};
  let status = 200;
  let result: Result;
  const headers: Record<string, string> = {};
  let teamId: string | undefined;
  let fault: Fault | undefined;
  // A call is recorded at the moment it has fully arrived, as Slack would see it: the emulator's own work on it
  // (validation, storage) is not part of the caller's latency.
  let arrivedAt = state.now();
  try {
    params = await readParams(req, url);
    arrivedAt = state.now();
    fault = state.faults.take(method);
    const delayMs = fault?.kind === 'delay' ? fault.ms : 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (fault?.kind === 'fail') {
      const failed = failureResponse(fault.failure);
      state.record({ method, teamId: callerTeam(state, params, req), params: safe(params), ok: false, error: failed.body.error, status: failed.status, at: new Date(arrivedAt).toISOString(), fault: 'failed' });
      sendJson(res, failed.status, failed.body, failed.headers);
      return;
    }
    const spec = METHODS[method];
    if (!spec) {
      status = 404;
      throw new SlackError('unknown_method', { req_method: method });
    }
    const ctx = authenticate(spec, state, params, req);
    teamId = ctx.ws?.id;
    if (ctx.token) headers['X-OAuth-Scopes'] = [...ctx.token.scopes].join(',');
    for (const scope of spec.scopes?.(params) ?? []) requireScope(ctx.token, scope);
    result = spec.handle(ctx);
    teamId ??= (result.team as { id?: string } | undefined)?.id;
  } catch (err) {
    if (err instanceof RateLimited) {
      status = 429;
      headers['Retry-After'] = String(err.retryAfter);
      result = { ok: false, error: 'ratelimited' };
    } else if (err instanceof SlackError) {
      result = { ok: false, error: err.error, ...err.extra };
    } else if (err instanceof SyntaxError) {
      result = { ok: false, error: 'invalid_json' };
    } else {
      throw err;
    }
  }
  const error = result.ok ? undefined : String(result.error);
  const marked = fault?.kind === 'drop' ? ('dropped' as const) : fault?.kind === 'late' ? ('late' as const) : undefined;
  state.record({ method, teamId, params: safe(params), ok: result.ok, error, status, at: new Date(arrivedAt).toISOString(), ...(marked ? { fault: marked } : {}) });
  // Slack got the call but the caller never hears back: close the socket without a response.
  if (fault?.kind === 'drop') return void res.destroy();
  // Slack carried the call out but answers after the caller may have given up.
  if (fault?.kind === 'late') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  sendJson(res, status, result, headers);
}

/** safe strips secrets (tokens, client secrets) from recorded arguments. */
function safe(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET_PARAMS.has(k)));
}

/** callerTeam is the workspace of the call's token, if the token is valid (for recording only). */
function callerTeam(state: EmulatorState, params: Params, req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : str(params, 'token');
  const record = token ? state.credentials.check(token) : undefined;
  return typeof record === 'object' ? record.teamId : undefined;
}

/** authenticate resolves the caller's token, or throws Slack's token errors. */
function authenticate(spec: MethodSpec, state: EmulatorState, params: Params, req: IncomingMessage): MethodContext {
  const base = { state, params, req } as MethodContext;
  if (spec.auth === 'none') return base;
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : str(params, 'token');
  if (!token) throw new SlackError('not_authed');
  if (spec.auth === 'app') {
    if (state.socketMode?.isAppToken(token)) return base;
    throw new SlackError(token.startsWith('xapp-') ? 'invalid_auth' : 'not_allowed_token_type');
  }
  const record = state.credentials.check(token);
  if (typeof record === 'string') throw new SlackError(record);
  if (spec.auth !== 'any' && spec.auth !== record.kind) throw new SlackError('not_allowed_token_type');
  const ws = state.directory.workspace(record.teamId);
  if (!ws) throw new SlackError('invalid_auth');
  return { ...base, token: record, ws };
}
