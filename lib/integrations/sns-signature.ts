// Amazon SNS signs every message it posts (SignatureVersion 1: RSA with SHA1, 2: RSA with SHA256) with a
// certificate it serves from its own https endpoint. A webhook URL is a secret, but one that leaks (a log, a
// screenshot) would otherwise let anyone post as SNS — or make Klaxon fetch a SubscribeURL of their choosing —
// so an SNS envelope is only believed once its signature checks out against a certificate fetched from
// https://sns.<region>.amazonaws.com(.cn) and nowhere else. Certificates are cached: SNS signs with few of them.
import { X509Certificate, verify } from 'node:crypto';
import { AppError } from '../errors';
import { processWide } from '../process-wide';
import { isSnsUrl, type SnsEnvelope } from './sns';

const FETCH_TIMEOUT_MS = 5_000;
const MAX_CACHED = 20;
const ALGORITHMS: Record<string, string> = { '1': 'sha1', '2': 'sha256' };

/** CertificateFetcher returns the PEM text at an SNS SigningCertURL (already checked to be SNS's). */
export type CertificateFetcher = (url: string) => Promise<string>;

const fetchFromSns: CertificateFetcher = async (url) => {
  // No redirects: the checked URL is the only place a certificate may come from.
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

/** SnsCertificates fetches and caches signing certificates by URL; a failed fetch is not cached. */
export class SnsCertificates {
  private readonly cache = new Map<string, Promise<X509Certificate>>();

  constructor(private readonly fetcher: CertificateFetcher = fetchFromSns) {}

  get(url: string): Promise<X509Certificate> {
    const cached = this.cache.get(url);
    if (cached) return cached;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    const loading = this.fetcher(url).then((pem) => new X509Certificate(pem));
    this.cache.set(url, loading);
    loading.catch(() => this.cache.delete(url));
    return loading;
  }
}

const shared = processWide('snsCertificates', () => ({ certificates: new SnsCertificates() }));

/** useSnsCertificateFetcher makes this process's SNS check fetch certificates with `fetcher` (tests sign with their own). */
export function useSnsCertificateFetcher(fetcher: CertificateFetcher): void {
  shared.certificates = new SnsCertificates(fetcher);
}

/** snsStringToSign is the text SNS signs: the message type's keys in byte order, each as `key\nvalue\n`. */
export function snsStringToSign(envelope: SnsEnvelope): string {
  const keys = envelope.Type === 'Notification' ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const values = envelope as unknown as Record<string, string | undefined>;
  // A Notification without a Subject signs without that key (SNS's documented rule).
  return keys.filter((key) => !(key === 'Subject' && values[key] === undefined)).map((key) => `${key}\n${values[key] ?? ''}\n`).join('');
}

function refuse(message: string, field: string): never {
  throw new AppError('unauthorized', `Amazon SNS signature: ${message}`, [{ field, message }]);
}

/** verifySnsSignature throws 401 unless the envelope is signed by Amazon SNS (certificate from an SNS https URL). */
export async function verifySnsSignature(envelope: SnsEnvelope, certificates: SnsCertificates = shared.certificates, now: Date = new Date()): Promise<void> {
  const algorithm = ALGORITHMS[envelope.SignatureVersion ?? ''];
  if (!algorithm) refuse('SignatureVersion must be 1 or 2.', 'SignatureVersion');
  if (!isSnsUrl(envelope.SigningCertURL)) refuse('SigningCertURL is not an https URL of Amazon SNS (sns.<region>.amazonaws.com).', 'SigningCertURL');
  if (!envelope.Signature) refuse('the message has no Signature.', 'Signature');
  const certificate = await certificates.get(envelope.SigningCertURL).catch((error: unknown) => {
    throw new AppError('unavailable', `Amazon SNS's signing certificate could not be fetched (${error instanceof Error ? error.message : 'no answer'}); SNS retries the delivery.`);
  });
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) refuse('the signing certificate is not valid now.', 'SigningCertURL');
  const signed = verify(algorithm, Buffer.from(snsStringToSign(envelope), 'utf8'), certificate.publicKey, Buffer.from(envelope.Signature, 'base64'));
  if (!signed) refuse('does not match the message.', 'Signature');
}
