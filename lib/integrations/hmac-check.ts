// Checking a sender's HMAC signature of the raw body, as Grafana's webhook contact point and most webhook senders
// (Sentry, GitHub-style `sha256=` headers) sign: a digest of the body under a shared secret, in a header, or of
// `<timestamp>:<body>` when the sender also sends a timestamp header (Grafana's variant; refused when more than
// five minutes away, either way). Compared in constant time.
import { createHmac } from 'node:crypto';
import { isEqualConstantTime } from '../crypto/hmac';
import { AppError } from '../errors';
import type { HmacInput } from '../schemas/integration';

const TOLERANCE_SECONDS = 5 * 60;

/** HmacCheck is an integration's signature check, with its secret. */
export type HmacCheck = HmacInput;

/** signatureOf computes what a sender following `check` puts in its header for `body` (and `timestamp`, if any). */
export function signatureOf(check: HmacCheck, body: Uint8Array | string, timestamp?: string): string {
  const hmac = createHmac(check.algorithm, check.secret);
  if (timestamp !== undefined) hmac.update(`${timestamp}:`);
  hmac.update(body);
  return (check.prefix ?? '') + hmac.digest(check.encoding);
}

/**
 * verifyHmac throws unauthorized unless the request carries a valid signature of `body` under `check`;
 * `defaultHeader` names the header when the check does not.
 */
export function verifyHmac(check: HmacCheck, headers: { get(name: string): string | null }, body: Uint8Array, defaultHeader: string, now = Date.now()): void {
  const header = check.header ?? defaultHeader;
  const presented = headers.get(header)?.trim();
  if (!presented) throw new AppError('unauthorized', `The ${header} header is missing: this integration checks an HMAC signature.`);
  let timestamp: string | undefined;
  if (check.timestamp_header) {
    timestamp = headers.get(check.timestamp_header)?.trim();
    const seconds = Number(timestamp);
    if (!timestamp || !Number.isFinite(seconds)) throw new AppError('unauthorized', `The ${check.timestamp_header} header is missing or not a Unix time.`);
    if (Math.abs(now / 1000 - seconds) > TOLERANCE_SECONDS) throw new AppError('unauthorized', `The ${check.timestamp_header} timestamp is more than five minutes away.`);
  }
  const expected = signatureOf(check, body, timestamp);
  const given = check.encoding === 'hex' ? presented.toLowerCase() : presented;
  if (!isEqualConstantTime(given, check.encoding === 'hex' ? expected.toLowerCase() : expected)) {
    throw new AppError('unauthorized', `The ${header} signature does not match the body.`);
  }
}
