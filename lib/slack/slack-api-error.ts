// Reads the errors @slack/web-api throws: Slack's own `{ ok: false, error }` code, or a transport failure.
import { ErrorCode } from '@slack/web-api';

/** platformErrorCode returns Slack's error code (e.g. `invalid_code`) of an `ok: false` answer, else null. */
export function platformErrorCode(error: unknown): string | null {
  const candidate = error as { code?: string; data?: { error?: unknown } };
  if (candidate?.code !== ErrorCode.PlatformError) return null;
  return typeof candidate.data?.error === 'string' ? candidate.data.error : 'unknown_error';
}

/** isSlackUnreachable tells whether Slack could not be reached or answered with an HTTP error. */
export function isSlackUnreachable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === ErrorCode.RequestError || code === ErrorCode.HTTPError;
}
