// The pipeline's access stage for Slack's endpoints: the raw body read once, verified before anything parses
// it, with Slack's retry headers (a retry is logged with its number and reason on every line of the request).
import { env } from '../env';
import { addLogContext } from '../log';
import { verifySlackRequest } from '../slack/verify-request';
import type { Incoming } from './pipeline';

/** VerifiedSlackRequest is a Slack request whose signature checked out, with Slack's retry headers. */
export interface VerifiedSlackRequest {
  rawBody: string;
  retryNum: number | null;
  retryReason: string | null;
}

/** readSlackRequest verifies the signature (throwing SlackSignatureError) and returns the raw body. */
export async function readSlackRequest(request: Incoming<unknown>): Promise<VerifiedSlackRequest> {
  const { headers } = request.head;
  const rawBody = new TextDecoder().decode(await request.body());
  verifySlackRequest({
    signingSecret: env().slack.signingSecret,
    headers: { signature: headers.get('x-slack-signature'), timestamp: headers.get('x-slack-request-timestamp') },
    rawBody,
  });
  const retry = Number(headers.get('x-slack-retry-num') ?? Number.NaN);
  const retryNum = Number.isInteger(retry) && retry >= 0 ? retry : null;
  const retryReason = retryNum === null ? null : (headers.get('x-slack-retry-reason') ?? null);
  if (retryNum !== null) addLogContext({ slackRetryNum: retryNum, slackRetryReason: retryReason ?? undefined });
  return { rawBody, retryNum, retryReason };
}
