import { describe, expect, it } from 'vitest';
import { fixture } from '@/tests/support/integration-fixtures';
import { OTHER_SNS_CERTIFICATE, signSnsEnvelope, TEST_SNS_CERT_URL, TEST_SNS_CERTIFICATE } from '@/tests/support/sns-signer';
import type { SnsEnvelope } from './sns';
import { SnsCertificates, snsStringToSign, verifySnsSignature } from './sns-signature';

function certificatesServing(pem = TEST_SNS_CERTIFICATE) {
  const fetched: string[] = [];
  const certificates = new SnsCertificates((url) => {
    fetched.push(url);
    return Promise.resolve(pem);
  });
  return { certificates, fetched };
}

const notification = () => fixture<SnsEnvelope>('sns-cloudwatch-alarm');
const confirmation = () => fixture<SnsEnvelope>('sns-subscription-confirmation');

describe('Amazon SNS message signatures', () => {
  it('builds the string to sign of each message type as SNS documents it (Subject only when present)', () => {
    const note = notification();
    expect(snsStringToSign(note)).toBe(`Message\n${note.Message}\nMessageId\n${note.MessageId}\nSubject\n${note.Subject}\nTimestamp\n${note.Timestamp}\nTopicArn\n${note.TopicArn}\nType\nNotification\n`);
    expect(snsStringToSign({ ...note, Subject: undefined })).not.toContain('Subject');
    const sub = confirmation();
    expect(snsStringToSign(sub)).toBe(`Message\n${sub.Message}\nMessageId\n${sub.MessageId}\nSubscribeURL\n${sub.SubscribeURL}\nTimestamp\n${sub.Timestamp}\nToken\n${sub.Token}\nTopicArn\n${sub.TopicArn}\nType\nSubscriptionConfirmation\n`);
  });

  it('accepts SignatureVersion 1 (SHA1) and 2 (SHA256), fetching the certificate once from its SNS URL', async () => {
    const { certificates, fetched } = certificatesServing();
    await verifySnsSignature(signSnsEnvelope(notification(), '1'), certificates);
    await verifySnsSignature(signSnsEnvelope(notification(), '2'), certificates);
    await verifySnsSignature(signSnsEnvelope(confirmation(), '2'), certificates);
    expect(fetched).toEqual([TEST_SNS_CERT_URL]);
  });

  it('refuses a changed message, a signature of another version, a missing signature, an unknown version', async () => {
    const { certificates } = certificatesServing();
    const signed = signSnsEnvelope(notification());
    await expect(verifySnsSignature({ ...signed, Message: `${signed.Message} ` }, certificates)).rejects.toThrow(/does not match/);
    await expect(verifySnsSignature({ ...signed, SubscribeURL: 'x', Subject: 'changed' }, certificates)).rejects.toThrow(/does not match/);
    await expect(verifySnsSignature({ ...signed, SignatureVersion: '1' }, certificates)).rejects.toThrow(/does not match/);
    await expect(verifySnsSignature({ ...signed, Signature: undefined }, certificates)).rejects.toThrow(/no Signature/);
    await expect(verifySnsSignature({ ...signed, SignatureVersion: '3' }, certificates)).rejects.toThrow(/SignatureVersion must be 1 or 2/);
    // The fixture's published example signature is not a signature of anything.
    await expect(verifySnsSignature(notification(), certificates)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('fetches certificates only from https SNS hosts of AWS, never another host or port', async () => {
    const { certificates, fetched } = certificatesServing();
    for (const url of ['http://sns.us-west-2.amazonaws.com/c.pem', 'https://sns.us-west-2.amazonaws.com.evil.example/c.pem', 'https://evil.example/c.pem', 'https://sns.us-west-2.amazonaws.com:8443/c.pem', 'not a url']) {
      await expect(verifySnsSignature({ ...signSnsEnvelope(notification()), SigningCertURL: url }, certificates)).rejects.toThrow(/SigningCertURL/);
    }
    expect(fetched).toEqual([]);
    await expect(verifySnsSignature({ ...signSnsEnvelope(notification()), SigningCertURL: 'https://sns.cn-north-1.amazonaws.com.cn/c.pem' }, certificates)).resolves.toBeUndefined();
    expect(fetched).toEqual(['https://sns.cn-north-1.amazonaws.com.cn/c.pem']);
  });

  it('refuses a signature by a key other than the certificate’s, and retries a certificate whose fetch failed', async () => {
    const { certificates: other } = certificatesServing(OTHER_SNS_CERTIFICATE);
    await expect(verifySnsSignature(signSnsEnvelope(notification()), other)).rejects.toThrow(/does not match/);
    let calls = 0;
    const flaky = new SnsCertificates(() => (++calls === 1 ? Promise.reject(new Error('HTTP 503')) : Promise.resolve(TEST_SNS_CERTIFICATE)));
    await expect(verifySnsSignature(signSnsEnvelope(notification()), flaky)).rejects.toThrow(/could not be fetched \(HTTP 503\)/);
    await verifySnsSignature(signSnsEnvelope(notification()), flaky);
    expect(calls).toBe(2);
  });

  it('refuses a certificate outside its validity', async () => {
    const { certificates } = certificatesServing();
    await expect(verifySnsSignature(signSnsEnvelope(notification()), certificates, new Date('2200-01-01T00:00:00Z'))).rejects.toThrow(/not valid now/);
  });
});
