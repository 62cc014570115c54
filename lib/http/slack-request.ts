// Reads a request from Slack: the raw body once, as text, verified before anything parses it.
import { env } from '../env';
import { verifySlackRequest } from '../slack/verify-request';

/** VerifiedSlackRequest is a Slack request whose signature checked out, with Slack's retry headers. */
export interface VerifiedSlackRequest {
  rawBody: string;
  retryNum: number | null;
  retryReason: string | null;
}

/** readSlackRequest verifies the signature (throwing SlackSignatureError) and returns the raw body. */
export async function readSlackRequest(request: Request): Promise<VerifiedSlackRequest> {
  const rawBody = await request.text();
  verifySlackRequest({
    signingSecret: env().slack.signingSecret,
    headers: { signature: request.headers.get('x-slack-signature'), timestamp: request.headers.get('x-slack-request-timestamp') },
    rawBody,
  });
  const retry = request.headers.get('x-slack-retry-num');
  return { rawBody, retryNum: retry ? Number(retry) : null, retryReason: request.headers.get('x-slack-retry-reason') };
}
