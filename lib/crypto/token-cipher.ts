// Encrypts Slack tokens at rest with AES-256-GCM under TOKEN_ENCRYPTION_KEY. The key id (a fingerprint of the
// key) is stored beside each ciphertext, so that after a key rotation old rows still name the key that opens
// them; `npm run rotate-key` re-encrypts them under the current key. The workspace id is bound to each
// ciphertext as associated data, so a ciphertext copied onto another workspace's row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { env } from '../env';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** SealedToken is a ciphertext and the id of the key that sealed it. */
export interface SealedToken {
  ciphertext: string;
  keyId: string;
}

/** keyIdOf derives a short, non-secret identifier of an encryption key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function keyring(): Map<string, Buffer> {
  const { tokenEncryptionKey, previousTokenEncryptionKeys } = env();
  return new Map([tokenEncryptionKey, ...previousTokenEncryptionKeys].map((key) => [keyIdOf(key), key]));
}

/** currentKeyId names the key new tokens are sealed with. */
export function currentKeyId(): string {
  return keyIdOf(env().tokenEncryptionKey);
}

/** sealToken encrypts a token for one workspace under the current key. */
export function sealToken(token: string, workspaceId: string): SealedToken {
  const key = env().tokenEncryptionKey;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(workspaceId));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), keyId: keyIdOf(key) };
}

/** TokenDecryptionError says a stored token cannot be opened (unknown key, or tampered ciphertext). */
export class TokenDecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt a stored Slack token: ${reason}`);
    this.name = 'TokenDecryptionError';
  }
}

/** openToken decrypts a sealed token of one workspace; it throws TokenDecryptionError, never leaking the token. */
export function openToken(sealed: SealedToken, workspaceId: string): string {
  const key = keyring().get(sealed.keyId);
  if (!key) throw new TokenDecryptionError(`key ${sealed.keyId} is neither TOKEN_ENCRYPTION_KEY nor in TOKEN_ENCRYPTION_PREVIOUS_KEYS`);
  const raw = Buffer.from(sealed.ciphertext, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(workspaceId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenDecryptionError('the ciphertext does not authenticate');
  }
}
