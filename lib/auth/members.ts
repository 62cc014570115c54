// Workspace members known to Klaxon and their dashboard role: the installer and Slack admins/owners are
// admins (may change configuration and keys); everyone else is a viewer.
import { db } from '../db';
import type { Role, User } from '../generated/prisma/client';
import { botTokenFor } from '../slack/bot-token';
import { slackClient } from '../slack/client';

interface SlackProfile {
  displayName: string;
  realName: string | null;
  email: string | null;
  isAdmin: boolean;
}

async function fetchProfile(teamId: string, slackUserId: string): Promise<SlackProfile | null> {
  try {
    const { user } = await slackClient(await botTokenFor(teamId)).users.info({ user: slackUserId });
    if (!user) return null;
    return {
      displayName: user.profile?.display_name || user.real_name || user.name || slackUserId,
      realName: user.real_name ?? null,
      email: user.profile?.email ?? null,
      isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    };
  } catch {
    // The profile only decorates the member; sign-in must not fail because users.info did.
    return null;
  }
}

/** syncMember creates or refreshes a member from Slack's profile and returns it with its current role. */
export async function syncMember(params: {
  teamId: string;
  slackUserId: string;
  isInstaller?: boolean;
  fallbackName?: string;
  fallbackEmail?: string | null;
}): Promise<User> {
  const profile = await fetchProfile(params.teamId, params.slackUserId);
  const existing = await db().user.findUnique({ where: { workspaceId_slackUserId: { workspaceId: params.teamId, slackUserId: params.slackUserId } } });
  const isInstaller = Boolean(params.isInstaller || existing?.isInstaller);
  const role: Role = isInstaller || profile?.isAdmin ? 'admin' : 'viewer';
  const data = {
    displayName: profile?.displayName ?? existing?.displayName ?? params.fallbackName ?? params.slackUserId,
    realName: profile?.realName ?? existing?.realName ?? null,
    email: profile?.email ?? existing?.email ?? params.fallbackEmail ?? null,
    role,
    isInstaller,
  };
  return db().user.upsert({
    where: { workspaceId_slackUserId: { workspaceId: params.teamId, slackUserId: params.slackUserId } },
    create: { workspaceId: params.teamId, slackUserId: params.slackUserId, ...data },
    update: data,
  });
}
