import type { IncomingMessage } from 'node:http';
import type { TokenRecord } from './credentials';
import type { BucketPolicy } from './rate-limit';
import type { EmulatorState } from './state';
import type { Params, Workspace } from './types';

/** Result is a Web API response body. */
export type Result = Record<string, unknown> & { ok: boolean };

/** SlackError is thrown by a method handler to answer `{ ok: false, error, ...extra }`. */
export class SlackError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(error);
  }
}

/** RateLimited is thrown to answer HTTP 429 with `Retry-After`. */
export class RateLimited extends Error {
  constructor(readonly retryAfter: number) {
    super('ratelimited');
  }
}

/** MethodContext is what a handler sees: the arguments and, for authenticated methods, the caller. */
export interface MethodContext {
  state: EmulatorState;
  params: Params;
  req: IncomingMessage;
  token: TokenRecord;
  ws: Workspace;
}

/** MethodSpec declares a method's token type, its scopes and its handler. */
export interface MethodSpec {
  /**
   * `none`: no token (OAuth exchanges). `bot`: bot tokens only. `user`: user tokens only. `any`: either.
   * `app`: the app-level token only (Socket Mode); the handler then sees no token or workspace.
   */
  auth: 'none' | 'bot' | 'user' | 'any' | 'app';
  scopes?: (params: Params) => string[];
  handle(ctx: MethodContext): Result;
}

/** requireScope throws `missing_scope` unless the caller's token carries `scope`. */
export function requireScope(token: TokenRecord, scope: string): void {
  if (!token.scopes.has(scope)) throw new SlackError('missing_scope', { needed: scope, provided: [...token.scopes].join(',') });
}

/** throttle applies a rate limit (HTTP 429 with Retry-After) when the emulator's pacing is on. */
export function throttle({ state }: MethodContext, key: string, policy: BucketPolicy): void {
  if (!state.config.pacing) return;
  const retryAfter = state.limiter.take(key, policy);
  if (retryAfter > 0) throw new RateLimited(retryAfter);
}

/**
 * parseStructuredArg reads an argument Slack accepts as JSON in a form field or as a value in a JSON body
 * (`blocks`, `view`, `metadata`): undefined when absent, `invalid` when the string is not JSON.
 */
export function parseStructuredArg(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** INVALID_JSON is what parseStructuredArg returns for a string that is not JSON. */
export const INVALID_JSON = Symbol('invalid JSON');
