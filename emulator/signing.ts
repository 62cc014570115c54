import { createHmac } from 'node:crypto';

/**
 * signSlackRequest computes Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{rawBody}` keyed with the signing secret.
 */
export function signSlackRequest(secret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** slackSignatureHeaders returns the `X-Slack-Request-Timestamp` and `X-Slack-Signature` headers for a body. */
export function slackSignatureHeaders(secret: string, rawBody: string, nowMs: number = Date.now()): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': signSlackRequest(secret, timestamp, rawBody),
  };
}
