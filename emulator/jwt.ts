import { createHmac } from 'node:crypto';

/** signJwtHs256 encodes `claims` as a compact JWT signed with HMAC-SHA256. */
export function signJwtHs256(claims: Record<string, unknown>, secret: string): string {
  const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT', kid: 'emulator' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** decodeJwt returns a JWT's claims without checking the signature (tests check it separately). */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
