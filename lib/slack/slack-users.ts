// Display names of the Slack users who act on alerts, cached in the users table (users.info is looked up
// once a day per person, not on every click).
import { db } from '../db';
import { botTokenFor } from './bot-token';
import { slackClient } from './client';

const FRESH_MS = 24 * 60 * 60 * 1000;

/** slackUserName returns a member's display name, asking Slack only when it is unknown or stale. */
export async function slackUserName(teamId: string, slackUserId: string, fallback?: string): Promise<string> {
  const known = await db().user.findUnique({ where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId } } });
  if (known && Date.now() - known.updatedAt.getTime() < FRESH_MS) return known.displayName;
  try {
    const { user } = await slackClient(await botTokenFor(teamId), { timeoutMs: 1500 }).users.info({ user: slackUserId });
    const displayName = user?.profile?.display_name || user?.real_name || user?.name || fallback || slackUserId;
    await db().user.upsert({
      where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId } },
      create: { workspaceId: teamId, slackUserId, displayName, realName: user?.real_name ?? null, email: user?.profile?.email ?? null },
      update: { displayName, realName: user?.real_name ?? null },
    });
    return displayName;
  } catch {
    // A name is decoration: a click must not fail because users.info did.
    return known?.displayName ?? fallback ?? slackUserId;
  }
}
