// How Slack endpoints answer bad requests: 401 for a failed signature, 400 for a malformed body.
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { SlackSignatureError } from '../slack/verify-request';
import { errorResponse } from './to-response';

/** slackRequestError maps a failure while reading a Slack request to its HTTP answer. */
export function slackRequestError(error: unknown): Response {
  if (error instanceof SlackSignatureError) return errorResponse(new AppError('unauthorized', error.message));
  if (error instanceof SyntaxError || error instanceof ZodError) {
    return errorResponse(new AppError('invalid_request', 'The request body is not a Slack payload Klaxon understands.'));
  }
  return errorResponse(error);
}
