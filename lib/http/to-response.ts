// Maps errors to HTTP responses in one place: AppErrors become `{ error: { code, message, details? } }` with
// their status; anything else is logged and answered with a generic 500 that leaks nothing.
import { AppError, type ErrorCode } from '../errors';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

/** errorResponse turns any thrown value into the API's JSON error shape. */
export function errorResponse(error: unknown, headers?: HeadersInit): Response {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return Response.json(body, { status: STATUS[error.code], headers });
  }
  console.error('Unexpected error while handling a request:', error);
  return Response.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500 });
}
