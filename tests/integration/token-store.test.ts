// Tokens at rest: encrypted, never in clear anywhere in the database, re-keyable, refreshed safely, and
// deleted on uninstall — with re-install keeping the workspace's configuration and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { rotateTokenKey } from '@/lib/crypto/rotate-token-key';
import { currentKeyId } from '@/lib/crypto/token-cipher';
import { db, disconnectDb } from '@/lib/db';
import { env, provideEnv } from '@/lib/env';
import { botTokenFor, WorkspaceUninstalledError } from '@/lib/slack/bot-token';
import { receiveSlackEvent } from '@/lib/slack/events';
import { prismaInstallationStore } from '@/lib/slack/installation-store';
import { installWorkspace } from '../support/install-flow';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack({ tokenRotation: true }));
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

/** dumpDatabase returns every row of every table as text: what a data dump would contain. */
async function dumpDatabase(): Promise<string> {
  const tables = await db().$queryRaw<Array<{ tablename: string }>>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await db().$queryRawUnsafe<Array<{ row: string }>>(`SELECT t::text AS row FROM "${tablename}" t`);
    parts.push(...rows.map((row) => row.row));
  }
  return parts.join('\n');
}

async function uninstallEvent(teamId: string, type: 'app_uninstalled' | 'tokens_revoked', eventTime: Date) {
  const receipt = await receiveSlackEvent({
    type: 'event_callback',
    team_id: teamId,
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(eventTime.getTime() / 1000),
    event: type === 'tokens_revoked' ? { type, tokens: { bot: ['U0BOT'] } } : { type },
  });
  await receipt.afterResponse?.();
}

describe('token store', () => {
  it('keeps only ciphertext in the database: no bot or refresh token appears in a full dump', async () => {
    const teamId = workspaces.acme.id;
    await installWorkspace(teamId);
    const installation = await prismaInstallationStore.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    const { token, refreshToken } = installation.bot!;
    expect(token).toMatch(/^xoxe\.xoxb-/); // a rotating bot token, as Slack formats them
    expect(refreshToken).toMatch(/^xoxe-/);
    const dump = await dumpDatabase();
    expect(dump).toContain(teamId);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(refreshToken!);
    expect(dump).not.toMatch(/xox[bpe][.-]/);
  });

  it('refreshes an expiring token once even when two workers race for it', async () => {
    const teamId = workspaces.acme.id;
    const before = await botTokenFor(teamId);
    await db().installation.update({ where: { workspaceId: teamId }, data: { tokenExpiresAt: new Date(Date.now() + 60_000) } });
    emulator.state.clearCalls();
    const [a, b] = await Promise.all([botTokenFor(teamId), botTokenFor(teamId)]);
    expect(a).toBe(b);
    expect(a).not.toBe(before);
    const refreshes = emulator.state.calls('oauth.v2.access').filter((call) => call.params.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.ok).toBe(true);
    const row = await db().installation.findUniqueOrThrow({ where: { workspaceId: teamId } });
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);
    const auth = await fetch(`${emulator.apiUrl}auth.test`, { method: 'POST', headers: { Authorization: `Bearer ${a}` } });
    expect(await auth.json()).toMatchObject({ ok: true, team_id: teamId });
  });

  it('re-encrypts every token under a new key with npm run rotate-key', async () => {
    const teamId = workspaces.acme.id;
    const token = await botTokenFor(teamId);
    const oldKey = env().tokenEncryptionKey.toString('base64');
    const newKey = Buffer.alloc(32, 42).toString('base64');
    provideEnv({ TOKEN_ENCRYPTION_KEY: newKey, TOKEN_ENCRYPTION_PREVIOUS_KEYS: oldKey });
    try {
      expect(await botTokenFor(teamId)).toBe(token); // old rows still open with the previous key
      expect(await rotateTokenKey()).toBeGreaterThanOrEqual(1);
      const row = await db().installation.findUniqueOrThrow({ where: { workspaceId: teamId } });
      expect(row.tokenKeyId).toBe(currentKeyId());
      provideEnv({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: '' });
      expect(await botTokenFor(teamId)).toBe(token); // opens with the new key alone
    } finally {
      provideEnv({ TOKEN_ENCRYPTION_KEY: oldKey, TOKEN_ENCRYPTION_PREVIOUS_KEYS: newKey });
      await rotateTokenKey();
      provideEnv({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: '' });
    }
  });

  it('re-install updates token and scopes and keeps routes, templates, keys and history', async () => {
    const teamId = workspaces.globex.id;
    await installWorkspace(teamId, 'U0GLBXOWN1');
    const firstToken = await botTokenFor(teamId);
    const template = await db().template.create({ data: { workspaceId: teamId, name: 'Plain', blocks: [] } });
    await db().route.create({
      data: { workspaceId: teamId, name: 'All', eventTypes: ['*'], severities: ['critical'], channelIds: ['C0GLBXALRT'], templateId: template.id, position: 0 },
    });
    await db().apiKey.create({ data: { workspaceId: teamId, name: 'ci', prefix: 'klx_live_ab', hash: `h-${teamId}`, scopes: ['alerts:write'] } });
    const now = new Date();
    await db().alert.create({
      data: { workspaceId: teamId, eventType: 'x', severity: 'info', title: 't', dedupKey: 'k', openDedupKey: 'k', occurredAt: now, lastSeenAt: now },
    });

    await installWorkspace(teamId, 'U0GLBXADM1');
    expect(await botTokenFor(teamId)).not.toBe(firstToken);
    const counts = await Promise.all([
      db().route.count({ where: { workspaceId: teamId } }),
      db().template.count({ where: { workspaceId: teamId } }),
      db().apiKey.count({ where: { workspaceId: teamId } }),
      db().alert.count({ where: { workspaceId: teamId } }),
    ]);
    expect(counts).toEqual([1, 1, 1, 1]);
    const members = await db().user.findMany({ where: { workspaceId: teamId }, orderBy: { slackUserId: 'asc' } });
    expect(members.map((member) => [member.slackUserId, member.role])).toEqual([
      ['U0GLBXADM1', 'admin'],
      ['U0GLBXOWN1', 'admin'],
    ]);
  });

  it('uninstall deletes the tokens, marks the workspace, fails pending deliveries visibly and keeps history', async () => {
    const teamId = workspaces.globex.id;
    const alert = await db().alert.findFirstOrThrow({ where: { workspaceId: teamId } });
    await db().delivery.create({ data: { workspaceId: teamId, alertId: alert.id, channelId: 'C0GLBXALRT' } });

    await uninstallEvent(teamId, 'tokens_revoked', new Date());
    await uninstallEvent(teamId, 'app_uninstalled', new Date());

    const row = await db().installation.findUniqueOrThrow({ where: { workspaceId: teamId } });
    expect([row.botTokenCiphertext, row.refreshTokenCiphertext, row.tokenKeyId]).toEqual([null, null, null]);
    expect((await db().workspace.findUniqueOrThrow({ where: { id: teamId } })).uninstalledAt).toBeInstanceOf(Date);
    expect(await db().delivery.findFirstOrThrow({ where: { alertId: alert.id } })).toMatchObject({ state: 'dead', lastError: 'workspace uninstalled' });
    expect(await db().alert.count({ where: { workspaceId: teamId } })).toBe(1);
    await expect(botTokenFor(teamId)).rejects.toBeInstanceOf(WorkspaceUninstalledError);
  });

  it('ignores an uninstall event older than a re-install (Slack may deliver it late)', async () => {
    const teamId = workspaces.globex.id;
    const before = new Date(Date.now() - 2000);
    await installWorkspace(teamId, 'U0GLBXOWN1');
    expect((await db().workspace.findUniqueOrThrow({ where: { id: teamId } })).uninstalledAt).toBeNull();
    await uninstallEvent(teamId, 'app_uninstalled', before);
    expect((await db().workspace.findUniqueOrThrow({ where: { id: teamId } })).uninstalledAt).toBeNull();
    await expect(botTokenFor(teamId)).resolves.toContain('xoxb-');
  });
});
