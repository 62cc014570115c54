// Maps errors to HTTP responses in one place: AppErrors become `{ error: { code, message, details? } }` with
// their status; anything else is logged and answered with a generic 500 that leaks nothing.
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../errors';
import { formatZodError } from '../schemas/format-zod-error';

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

function toMessageAndDetails(error: ZodError): [string, unknown] {
  const { message, details } = formatZodError(error);
  return [message, details];
}

/** errorResponse turns any thrown value into the API's JSON error shape. */
export function errorResponse(error: unknown, headers?: Record<string, string>): Response {
  if (error instanceof AppError) {
    if ('retryAfterSeconds' in error) headers = { ...headers, 'Retry-After': String(error.retryAfterSeconds) };
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return Response.json(body, { status: STATUS[error.code], headers });
  }
  if (error instanceof ZodError) return errorResponse(new AppError('invalid_request', ...toMessageAndDetails(error)), headers);
  console.error('Unexpected error while handling a request:', error);
  return Response.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } }, { status: 500 });
}
