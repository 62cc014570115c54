// Re-encrypts every stored token under the current TOKEN_ENCRYPTION_KEY (run after rotating the key, with
// the old one in TOKEN_ENCRYPTION_PREVIOUS_KEYS); afterwards the old key can be dropped.
import { db } from '../db';
import { currentKeyId, openToken, sealToken } from './token-cipher';

/** rotateTokenKey re-seals installations (and integrations' HMAC secrets) sealed under an older key and returns how many it changed. */
export async function rotateTokenKey(): Promise<number> {
  const keyId = currentKeyId();
  const stale = await db().installation.findMany({
    where: { tokenKeyId: { not: keyId }, botTokenCiphertext: { not: null } },
    select: { workspaceId: true },
  });
  for (const { workspaceId } of stale) {
    await db().$transaction(async (tx) => {
      const row = await tx.installation.findUniqueOrThrow({ where: { workspaceId } });
      if (!row.botTokenCiphertext || !row.tokenKeyId || row.tokenKeyId === keyId) return;
      const reseal = (ciphertext: string) => sealToken(openToken({ ciphertext, keyId: row.tokenKeyId! }, workspaceId), workspaceId);
      const bot = reseal(row.botTokenCiphertext);
      await tx.installation.update({
        where: { workspaceId, tokenKeyId: row.tokenKeyId },
        data: {
          botTokenCiphertext: bot.ciphertext,
          refreshTokenCiphertext: row.refreshTokenCiphertext ? reseal(row.refreshTokenCiphertext).ciphertext : null,
          tokenKeyId: bot.keyId,
        },
      });
    });
  }
  return stale.length + (await rotateIntegrationSecrets(keyId));
}

// Integrations' HMAC secrets are sealed the same way (lib/integrations/integrations.ts).
async function rotateIntegrationSecrets(keyId: string): Promise<number> {
  const stale = await db().integration.findMany({ where: { secretKeyId: { not: keyId }, secretCiphertext: { not: null } }, select: { id: true, workspaceId: true, secretCiphertext: true, secretKeyId: true } });
  for (const row of stale) {
    const sealed = sealToken(openToken({ ciphertext: row.secretCiphertext!, keyId: row.secretKeyId! }, row.workspaceId), row.workspaceId);
    // Only if nobody changed the secret meanwhile.
    await db().integration.updateMany({ where: { id: row.id, secretKeyId: row.secretKeyId }, data: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId } });
  }
  return stale.length;
}
