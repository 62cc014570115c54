// A Prisma-backed @slack/oauth InstallationStore: one row per workspace, tokens sealed with AES-256-GCM.
// Re-installing updates the row (new token, new scopes) and keeps everything else of the workspace.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { openToken, sealToken } from '../crypto/token-cipher';
import { db } from '../db';

function teamIdOf(query: { teamId?: string; isEnterpriseInstall?: boolean }): string {
  if (query.isEnterpriseInstall || !query.teamId) throw new Error('Klaxon supports workspace installs only, not org-wide installs');
  return query.teamId;
}

/** NO_TOKENS is the update that deletes an installation's tokens (uninstall, revocation). */
export const NO_TOKENS = { botTokenCiphertext: null, refreshTokenCiphertext: null, tokenKeyId: null, tokenExpiresAt: null };

/** prismaInstallationStore stores, fetches and deletes installations in PostgreSQL. */
export const prismaInstallationStore: InstallationStore = {
  async storeInstallation(installation) {
    const teamId = teamIdOf({ teamId: installation.team?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
    const bot = installation.bot;
    if (!bot) throw new Error('Slack returned no bot token: the install must request bot scopes');
    const token = sealToken(bot.token, teamId);
    const refresh = bot.refreshToken ? sealToken(bot.refreshToken, teamId) : null;
    const now = new Date();
    const row = {
      appId: installation.appId ?? null,
      botUserId: bot.userId,
      botId: bot.id,
      scopes: bot.scopes,
      botTokenCiphertext: token.ciphertext,
      refreshTokenCiphertext: refresh?.ciphertext ?? null,
      tokenKeyId: token.keyId,
      tokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
      installerSlackUserId: installation.user.id,
      installedAt: now,
    };
    await db().$transaction([
      db().workspace.upsert({
        where: { id: teamId },
        create: { id: teamId, name: installation.team?.name ?? teamId, enterpriseId: installation.enterprise?.id, installedAt: now },
        update: { name: installation.team?.name ?? undefined, enterpriseId: installation.enterprise?.id ?? null, installedAt: now, uninstalledAt: null },
      }),
      db().installation.upsert({ where: { workspaceId: teamId }, create: { workspaceId: teamId, ...row }, update: row }),
    ]);
  },

  async fetchInstallation(query: InstallationQuery<boolean>) {
    const teamId = teamIdOf(query);
    const row = await db().installation.findUnique({ where: { workspaceId: teamId }, include: { workspace: true } });
    if (!row?.botTokenCiphertext || !row.tokenKeyId || row.workspace.uninstalledAt) {
      throw new Error(`No active installation for workspace ${teamId}`);
    }
    const sealed = (ciphertext: string) => openToken({ ciphertext, keyId: row.tokenKeyId! }, teamId);
    const installation: Installation<'v2', false> = {
      team: { id: teamId, name: row.workspace.name },
      enterprise: undefined,
      user: { id: row.installerSlackUserId, token: undefined, scopes: undefined },
      bot: {
        id: row.botId ?? '',
        userId: row.botUserId,
        scopes: row.scopes,
        token: sealed(row.botTokenCiphertext),
        refreshToken: row.refreshTokenCiphertext ? sealed(row.refreshTokenCiphertext) : undefined,
        expiresAt: row.tokenExpiresAt ? Math.floor(row.tokenExpiresAt.getTime() / 1000) : undefined,
      },
      appId: row.appId ?? undefined,
      tokenType: 'bot',
      isEnterpriseInstall: false,
      authVersion: 'v2',
    };
    return installation;
  },

  async deleteInstallation(query: InstallationQuery<boolean>) {
    const teamId = teamIdOf(query);
    await db().installation.updateMany({
      where: { workspaceId: teamId },
      data: NO_TOKENS,
    });
  },
};
