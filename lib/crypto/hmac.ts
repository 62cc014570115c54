// HMAC signatures under SESSION_SECRET and constant-time comparison, for values Klaxon hands to browsers.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

/** signValue returns a base64url HMAC-SHA256 of value under SESSION_SECRET, separated by purpose. */
export function signValue(purpose: string, value: string): string {
  return createHmac('sha256', env().sessionSecret).update(`${purpose}:${value}`).digest('base64url');
}

/** isEqualConstantTime compares two strings without leaking where they differ. */
export function isEqualConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** sha256Hex hashes a secret for storage (API keys, session tokens). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
