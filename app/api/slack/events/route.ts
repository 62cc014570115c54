import { after } from 'next/server';
import { slackRequestError } from '@/lib/http/slack-errors';
import { readSlackRequest } from '@/lib/http/slack-request';
import { receiveSlackEvent, slackEventEnvelopeSchema } from '@/lib/slack/events';

export const dynamic = 'force-dynamic';

/** POST /api/slack/events: verified, deduplicated, acknowledged at once; the work happens after the answer. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { rawBody } = await readSlackRequest(request);
    const envelope = slackEventEnvelopeSchema.parse(JSON.parse(rawBody));
    const receipt = await receiveSlackEvent(envelope);
    const work = receipt.afterResponse;
    if (work) {
      after(() => work().catch((error: unknown) => console.error('Slack event handling failed:', error)));
    }
    return Response.json(receipt.body);
  } catch (error) {
    return slackRequestError(error);
  }
}
