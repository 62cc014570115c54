// Workspace members known to Klaxon: their Slack profile (users.info), cached in the users table, and their
// dashboard role. The installer and Slack admins/owners are admins (may change configuration, keys and
// alerts); everyone else is a viewer. This is the only module that calls users.info or writes users.
import { db } from '../db';
import type { Role, User } from '../generated/prisma/client';
import { botTokenFor } from '../slack/bot-token';
import { slackClient } from '../slack/client';

/** A name is looked up in Slack at most once a day per person, not on every click. */
const NAME_FRESH_MS = 24 * 60 * 60 * 1000;

/** Clicks and commands are acknowledged within Slack's 3 s: their users.info gets 1.5 s of that. */
const CLICK_TIMEOUT_MS = 1_500;

interface SlackProfile {
  displayName: string | null;
  realName: string | null;
  email: string | null;
  isAdmin: boolean;
}

/** MemberHints are what the caller already knows, used when Slack's profile is unavailable. */
interface MemberHints {
  isInstaller?: boolean;
  fallbackName?: string;
  fallbackEmail?: string | null;
}

async function fetchProfile(teamId: string, slackUserId: string, timeoutMs?: number): Promise<SlackProfile | null> {
  try {
    const { user } = await slackClient(await botTokenFor(teamId), { timeoutMs }).users.info({ user: slackUserId });
    if (!user) return null;
    return {
      displayName: user.profile?.display_name || user.real_name || user.name || null,
      realName: user.real_name ?? null,
      email: user.profile?.email ?? null,
      isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    };
  } catch {
    // The profile only decorates the member: sign-in or a click must not fail because users.info did.
    return null;
  }
}

function findMember(teamId: string, slackUserId: string): Promise<User | null> {
  return db().user.findUnique({ where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId } } });
}

function storeMember(teamId: string, slackUserId: string, existing: User | null, profile: SlackProfile | null, hints: MemberHints): Promise<User> {
  const isInstaller = Boolean(hints.isInstaller || existing?.isInstaller);
  const role: Role = isInstaller || profile?.isAdmin ? 'admin' : 'viewer';
  const data = {
    displayName: profile?.displayName ?? existing?.displayName ?? hints.fallbackName ?? slackUserId,
    realName: profile?.realName ?? existing?.realName ?? null,
    email: profile?.email ?? existing?.email ?? hints.fallbackEmail ?? null,
    role,
    isInstaller,
  };
  return db().user.upsert({
    where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId } },
    create: { workspaceId: teamId, slackUserId, ...data },
    update: data,
  });
}

/** syncMember creates or refreshes a member from Slack's current profile and returns it with its role (sign-in, install). */
export async function syncMember(params: { teamId: string; slackUserId: string } & MemberHints): Promise<User> {
  const [existing, profile] = await Promise.all([findMember(params.teamId, params.slackUserId), fetchProfile(params.teamId, params.slackUserId)]);
  return storeMember(params.teamId, params.slackUserId, existing, profile, params);
}

/**
 * slackUserName returns the display name of a member who acts on an alert from Slack: from the users table
 * while it is less than a day old, else refreshed from Slack; `fallback` (the name Slack sent along) when
 * neither knows better.
 */
export async function slackUserName(teamId: string, slackUserId: string, fallback?: string): Promise<string> {
  const known = await findMember(teamId, slackUserId);
  if (known && Date.now() - known.updatedAt.getTime() < NAME_FRESH_MS) return known.displayName;
  const profile = await fetchProfile(teamId, slackUserId, CLICK_TIMEOUT_MS);
  if (!profile) return known?.displayName ?? fallback ?? slackUserId;
  return (await storeMember(teamId, slackUserId, known, profile, { fallbackName: fallback })).displayName;
}

/** Pages look up at most this many unknown people in Slack per view; the rest show their ids until a later view. */
const MAX_LOOKUPS_PER_VIEW = 20;

/**
 * memberNames maps Slack user ids to display names for pages that show people (on-call schedules, escalation
 * steps): from the users table, and for people Klaxon has not seen yet (or not for a day) from users.info,
 * remembered there. An id Slack does not know stays as it is.
 */
export async function memberNames(teamId: string, slackUserIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(slackUserIds)];
  const known = await db().user.findMany({ where: { workspaceId: teamId, slackUserId: { in: ids } } });
  const byId = new Map(known.map((user) => [user.slackUserId, user]));
  const names = new Map(known.map((user) => [user.slackUserId, user.displayName]));
  const stale = ids.filter((id) => {
    const user = byId.get(id);
    return !user || Date.now() - user.updatedAt.getTime() >= NAME_FRESH_MS;
  });
  await Promise.all(
    stale.slice(0, MAX_LOOKUPS_PER_VIEW).map(async (id) => {
      const profile = await fetchProfile(teamId, id, CLICK_TIMEOUT_MS);
      if (profile) names.set(id, (await storeMember(teamId, id, byId.get(id) ?? null, profile, {})).displayName);
    }),
  );
  return names;
}
