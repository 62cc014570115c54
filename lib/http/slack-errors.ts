// How Slack endpoints answer bad requests: 401 for a failed signature, 400 for a malformed body.
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { SlackSignatureError } from '../slack/verify-request';

/** slackRequestError translates a failure while reading a Slack request into the AppError to answer. */
export function slackRequestError(error: unknown): unknown {
  if (error instanceof SlackSignatureError) return new AppError('unauthorized', error.message);
  if (error instanceof ZodError) {
    return new AppError('invalid_request', 'The request body is not a Slack payload Klaxon understands.');
  }
  return error;
}
