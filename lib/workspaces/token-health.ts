// Whether a workspace's bot token still works, as its deliveries found out: a post that died because Slack
// refused the token (revoked, workspace gone, deactivated) since the last install means nothing will reach
// Slack until an admin reinstalls — which the overview says, with the Reinstall button.
import { db } from '../db';

/** TOKEN_ERRORS are Slack's answers that mean the bot token itself no longer works. */
export const TOKEN_ERRORS = ['invalid_auth', 'token_revoked', 'account_inactive', 'token_expired', 'not_authed'] as const;

/** TokenFailure is the latest delivery Slack refused for the token, since the workspace was last installed. */
export interface TokenFailure {
  error: string;
  at: Date;
}

/** tokenFailure returns the workspace's latest token failure since `installedAt` (a reinstall clears it), or null. */
export async function tokenFailure(workspaceId: string, installedAt: Date | null): Promise<TokenFailure | null> {
  const latest = await db().delivery.findFirst({
    where: { workspaceId, state: 'dead', lastError: { in: [...TOKEN_ERRORS] }, ...(installedAt ? { updatedAt: { gt: installedAt } } : {}) },
    orderBy: { updatedAt: 'desc' },
    select: { lastError: true, updatedAt: true },
  });
  return latest?.lastError ? { error: latest.lastError, at: latest.updatedAt } : null;
}
