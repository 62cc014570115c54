// Amazon SNS in front of a webhook integration (CloudWatch alarms and anything else published to a topic): SNS
// first posts a SubscriptionConfirmation whose SubscribeURL must be visited, then wraps each message in a
// Notification envelope whose `Message` is the publisher's text (JSON for CloudWatch). The confirmation is only
// followed to an SNS endpoint of AWS over https, so a forged body cannot make Klaxon fetch other hosts.
import { AppError } from '../errors';

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
const CONFIRM_TIMEOUT_MS = 5_000;

/** SnsEnvelope is the part of an SNS HTTP message Klaxon reads. */
export interface SnsEnvelope {
  Type: 'SubscriptionConfirmation' | 'Notification' | 'UnsubscribeConfirmation';
  TopicArn: string;
  Message?: string;
  Subject?: string;
  SubscribeURL?: string;
  MessageId?: string;
  Timestamp?: string;
  Token?: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
}

/**
 * snsEnvelopeOf returns the body as an SNS envelope when it has SNS's shape, else null. The shape alone decides
 * (not SNS's x-amz-sns-message-type header): whatever would be read as SNS must also pass SNS's signature check.
 */
export function snsEnvelopeOf(body: unknown): SnsEnvelope | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { Type: type, TopicArn: topic } = body as Record<string, unknown>;
  const known = type === 'SubscriptionConfirmation' || type === 'Notification' || type === 'UnsubscribeConfirmation';
  if (!known || typeof topic !== 'string' || !topic.startsWith('arn:aws')) return null;
  return body as SnsEnvelope;
}

/** snsMessageOf is what a Notification carries: its Message parsed when it is a JSON object or array, else subject and text. */
export function snsMessageOf(envelope: SnsEnvelope): unknown {
  try {
    const parsed: unknown = JSON.parse(envelope.Message ?? '');
    if (parsed !== null && typeof parsed === 'object') return parsed;
  } catch {
    // Plain text: the mapping sees Subject and Message.
  }
  return { Subject: envelope.Subject, Message: envelope.Message, TopicArn: envelope.TopicArn };
}

/** isSnsUrl tells whether a URL (a SubscribeURL, a SigningCertURL) is an https URL of an SNS endpoint of AWS. */
export function isSnsUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.port === '' && SNS_HOST.test(parsed.hostname);
  } catch {
    return false;
  }
}

/** confirmSnsSubscription visits the SubscribeURL of a SubscriptionConfirmation (400 when it is not SNS's). */
export async function confirmSnsSubscription(envelope: SnsEnvelope, fetcher: typeof fetch = fetch): Promise<void> {
  if (!isSnsUrl(envelope.SubscribeURL)) {
    throw new AppError('invalid_request', 'SubscribeURL: not an https URL of Amazon SNS (sns.<region>.amazonaws.com).', [{ field: 'SubscribeURL', message: 'must be an Amazon SNS URL' }]);
  }
  const response = await fetcher(envelope.SubscribeURL, { signal: AbortSignal.timeout(CONFIRM_TIMEOUT_MS) }).catch(() => null);
  if (!response?.ok) throw new AppError('unavailable', `Amazon SNS did not confirm the subscription (${response ? `HTTP ${response.status}` : 'no answer'}); SNS can resend the confirmation.`);
}
