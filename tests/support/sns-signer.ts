// Signs Amazon SNS envelopes as SNS does, with the self-made certificate and key in fixtures/sns-signing (not
// Amazon's: tests hand Klaxon a certificate fetcher that serves this one for the SigningCertURL).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sign } from 'node:crypto';
import { snsStringToSign } from '@/lib/integrations/sns-signature';
import type { SnsEnvelope } from '@/lib/integrations/sns';

const read = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'sns-signing', name), 'utf8');

/** TEST_SNS_CERTIFICATE is the PEM certificate whose key signs with signSnsEnvelope. */
export const TEST_SNS_CERTIFICATE = read('cert.pem');
/** TEST_SNS_CERT_URL is the SigningCertURL signSnsEnvelope puts on an envelope. */
export const TEST_SNS_CERT_URL = 'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-klaxon-test.pem';
/** OTHER_SNS_CERTIFICATE is a certificate of another key: nothing signSnsEnvelope signs verifies with it. */
export const OTHER_SNS_CERTIFICATE = read('other-cert.pem');
const KEY = read('key.pem');

/** signSnsEnvelope returns the envelope signed with SignatureVersion 1 (SHA1) or 2 (SHA256) by the test key. */
export function signSnsEnvelope<T extends object>(envelope: T, version: '1' | '2' = '2'): T {
  const unsigned = { ...envelope, SignatureVersion: version, SigningCertURL: TEST_SNS_CERT_URL };
  const signature = sign(version === '1' ? 'sha1' : 'sha256', Buffer.from(snsStringToSign(unsigned as unknown as SnsEnvelope)), KEY).toString('base64');
  return { ...unsigned, Signature: signature };
}
