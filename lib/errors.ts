// Typed errors of the domain. lib/http/to-response.ts maps them to HTTP statuses in one place.

/** AppError is an expected failure with a stable machine-readable code and a message fit for users. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** ErrorCode lists the failures the API reports; each maps to one HTTP status. */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable';
