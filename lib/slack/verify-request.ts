// Verifies that a request comes from Slack: v0 signature = HMAC-SHA256 of `v0:{timestamp}:{raw body}` under
// the signing secret, compared in constant time, with the timestamp within five minutes either way.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** MAX_SKEW_SECONDS is how far a request timestamp may be from our clock, in either direction. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** SlackSignatureError says why a request was refused; it is answered 401 and changes nothing. */
export class SlackSignatureError extends Error {
  constructor(reason: string) {
    super(`Slack request refused: ${reason}`);
    this.name = 'SlackSignatureError';
  }
}

/** SlackRequestHeaders are the two headers Slack signs requests with. */
export interface SlackRequestHeaders {
  signature: string | null;
  timestamp: string | null;
}

/** verifySlackRequest throws SlackSignatureError unless the raw body was signed by Slack just now. */
export function verifySlackRequest(params: {
  signingSecret: string;
  headers: SlackRequestHeaders;
  rawBody: string | Buffer;
  nowSeconds?: number;
}): void {
  const { signature, timestamp } = params.headers;
  if (!signature || !timestamp) throw new SlackSignatureError('missing X-Slack-Signature or X-Slack-Request-Timestamp');
  if (!/^\d+$/.test(timestamp)) throw new SlackSignatureError('malformed timestamp');
  const now = params.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_SECONDS) throw new SlackSignatureError('timestamp outside the 5-minute window');
  const [version, digest] = signature.split('=', 2);
  if (version !== 'v0' || !digest || !/^[0-9a-f]{64}$/.test(digest)) throw new SlackSignatureError('unsupported signature version');
  const expected = createHmac('sha256', params.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(params.rawBody)
    .digest();
  if (!timingSafeEqual(Buffer.from(digest, 'hex'), expected)) throw new SlackSignatureError('signature mismatch');
}
