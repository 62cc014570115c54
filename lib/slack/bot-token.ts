// Hands out a workspace's bot token, refreshing it first when token rotation is on and it expires soon.
// Two workers may notice the expiry at once: the refresh runs under a row lock, and whoever gets the lock
// second sees the fresh token and uses it (each refresh token works only once).
import { openToken, sealToken } from '../crypto/token-cipher';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { slackClient } from './client';

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** WorkspaceUninstalledError says a workspace has no usable bot token: deliveries to it fail for good. */
export class WorkspaceUninstalledError extends AppError {
  constructor(teamId: string) {
    super('conflict', `Klaxon is not installed in workspace ${teamId} (workspace uninstalled)`);
    this.name = 'WorkspaceUninstalledError';
  }
}

interface TokenRow {
  bot_token_ciphertext: string | null;
  refresh_token_ciphertext: string | null;
  token_key_id: string | null;
  token_expires_at: Date | null;
}

function isFresh(row: TokenRow, now: number): boolean {
  return !row.token_expires_at || row.token_expires_at.getTime() - now > REFRESH_MARGIN_MS;
}

async function refreshBotToken(teamId: string): Promise<string> {
  return db().$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<TokenRow[]>`
        SELECT bot_token_ciphertext, refresh_token_ciphertext, token_key_id, token_expires_at
        FROM installations WHERE workspace_id = ${teamId} FOR UPDATE`;
      if (!row?.bot_token_ciphertext || !row.token_key_id) throw new WorkspaceUninstalledError(teamId);
      if (isFresh(row, Date.now()) || !row.refresh_token_ciphertext) {
        return openToken({ ciphertext: row.bot_token_ciphertext, keyId: row.token_key_id }, teamId);
      }
      const { slack } = env();
      const refreshToken = openToken({ ciphertext: row.refresh_token_ciphertext, keyId: row.token_key_id }, teamId);
      const answer = await slackClient().oauth.v2.access({
        client_id: slack.clientId,
        client_secret: slack.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
      if (!answer.access_token || !answer.refresh_token) throw new Error('Slack answered a token refresh without tokens');
      const token = sealToken(answer.access_token, teamId);
      await tx.installation.update({
        where: { workspaceId: teamId },
        data: {
          botTokenCiphertext: token.ciphertext,
          refreshTokenCiphertext: sealToken(answer.refresh_token, teamId).ciphertext,
          tokenKeyId: token.keyId,
          tokenExpiresAt: new Date(Date.now() + (answer.expires_in ?? 43_200) * 1000),
        },
      });
      return answer.access_token;
    },
    { timeout: 20_000 },
  );
}

/** botTokenFor returns the workspace's bot token, or throws WorkspaceUninstalledError. */
export async function botTokenFor(teamId: string): Promise<string> {
  const installation = await db().installation.findUnique({ where: { workspaceId: teamId }, include: { workspace: true } });
  if (!installation?.botTokenCiphertext || !installation.tokenKeyId || installation.workspace.uninstalledAt) {
    throw new WorkspaceUninstalledError(teamId);
  }
  const row: TokenRow = {
    bot_token_ciphertext: installation.botTokenCiphertext,
    refresh_token_ciphertext: installation.refreshTokenCiphertext,
    token_key_id: installation.tokenKeyId,
    token_expires_at: installation.tokenExpiresAt,
  };
  if (isFresh(row, Date.now()) || !row.refresh_token_ciphertext) {
    return openToken({ ciphertext: installation.botTokenCiphertext, keyId: installation.tokenKeyId }, teamId);
  }
  return refreshBotToken(teamId);
}

/** StoredToken is a workspace's sealed bot token as read alongside other work (a claimed delivery). */
export interface StoredToken {
  ciphertext: string | null;
  keyId: string | null;
  expiresAt: Date | null;
  uninstalled: boolean;
}

/** botTokenOf opens a token read with other work, without a query unless it must be refreshed first. */
export async function botTokenOf(teamId: string, stored: StoredToken): Promise<string> {
  if (stored.uninstalled || !stored.ciphertext || !stored.keyId) throw new WorkspaceUninstalledError(teamId);
  if (!stored.expiresAt || stored.expiresAt.getTime() - Date.now() > REFRESH_MARGIN_MS) {
    return openToken({ ciphertext: stored.ciphertext, keyId: stored.keyId }, teamId);
  }
  return botTokenFor(teamId);
}
