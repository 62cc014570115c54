import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatMethods } from './chat-methods';
import { readParams, sendJson, str } from './http';
import { RateLimited, SlackError, requireScope, type MethodContext, type MethodSpec, type Result } from './method';
import { oauthMethods } from './oauth';
import type { EmulatorState } from './state';
import type { Params } from './types';
import { workspaceMethods } from './workspace-methods';

const METHODS: Record<string, MethodSpec> = { ...workspaceMethods, ...chatMethods, ...oauthMethods };
const SECRET_PARAMS = new Set(['token', 'client_secret', 'refresh_token']);

/** handleWebApi answers `POST|GET /api/{method}` and records the call. */
export async function handleWebApi(req: IncomingMessage, res: ServerResponse, method: string, url: URL, state: EmulatorState): Promise<void> {
  let params: Params = {};
  let status = 200;
  let result: Result;
  const headers: Record<string, string> = {};
  let teamId: string | undefined;
  try {
    params = await readParams(req, url);
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
  const safeParams = Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET_PARAMS.has(k)));
  const error = result.ok ? undefined : String(result.error);
  state.record({ method, teamId, params: safeParams, ok: result.ok, error, status, at: new Date(state.now()).toISOString() });
  sendJson(res, status, result, headers);
}

/** authenticate resolves the caller's token, or throws Slack's token errors. */
function authenticate(spec: MethodSpec, state: EmulatorState, params: Params, req: IncomingMessage): MethodContext {
  const base = { state, params, req } as MethodContext;
  if (spec.auth === 'none') return base;
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : str(params, 'token');
  if (!token) throw new SlackError('not_authed');
  const record = state.credentials.check(token);
  if (typeof record === 'string') throw new SlackError(record);
  if (spec.auth !== 'any' && spec.auth !== record.kind) throw new SlackError('not_allowed_token_type');
  const ws = state.directory.workspace(record.teamId);
  if (!ws) throw new SlackError('invalid_auth');
  return { ...base, token: record, ws };
}
