// Maps errors to HTTP responses in one place: AppErrors become `{ error: { code, message, details? } }` with
// their status; a database that cannot be reached is a 503 with Retry-After; anything else is logged and
// answered with a generic 500 that leaks nothing.
import { ErrorCode as SlackErrorCode } from '@slack/web-api';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../database-unavailable';
import { AppError, type ErrorCode } from '../errors';
import { log } from '../log';
import { formatZodError } from '../schemas/format-zod-error';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

/** PlainResponse is a JSON answer independent of the HTTP framework that sends it (no body when undefined). */
export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** errorPayload turns any thrown value into the API's JSON error shape and status. */
export function errorPayload(error: unknown): PlainResponse {
  if (error instanceof ZodError) {
    const { message, details } = formatZodError(error);
    return errorPayload(new AppError('invalid_request', message, details));
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if ('retryAfterSeconds' in error) headers['Retry-After'] = String(error.retryAfterSeconds);
    if ('allow' in error) headers.Allow = String(error.allow);
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return { status: STATUS[error.code], headers, body };
  }
  // Slack rate-limiting a call made for this request (a channel refresh, say): the caller may try again later.
  const slack = error as { code?: unknown; retryAfter?: unknown };
  if (slack?.code === SlackErrorCode.RateLimitedError) {
    const seconds = typeof slack.retryAfter === 'number' ? Math.max(1, Math.ceil(slack.retryAfter)) : 30;
    return { status: 429, headers: { 'Retry-After': String(seconds) }, body: { error: { code: 'rate_limited', message: `Slack is rate-limiting Klaxon's calls for this workspace; retry after ${seconds} s.` } } };
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  log().error({ err: error }, 'Unexpected error while handling a request');
  return { status: 500, headers: {}, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } };
}

/** DATABASE_RETRY_AFTER_SECONDS is when a request that found the database away may come back: a restart's time. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
const OUTAGE_LOG_MS = 10_000;
let lastOutageLog = 0;

// Every request fails alike while the database is away: one log line per 10 s says so, not one per request.
function databaseUnavailable(error: unknown): PlainResponse {
  if (Date.now() - lastOutageLog > OUTAGE_LOG_MS) {
    lastOutageLog = Date.now();
    log().warn({ err: error }, 'The database cannot be reached; answering 503 until it can');
  }
  const message = `The database is unavailable; retry after ${DATABASE_RETRY_AFTER_SECONDS} s.`;
  return { status: 503, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }, body: { error: { code: 'unavailable', message } } };
}

/** errorResponse turns any thrown value into the API's JSON error response. */
export function errorResponse(error: unknown): Response {
  const { status, headers, body } = errorPayload(error);
  return Response.json(body, { status, headers });
}
