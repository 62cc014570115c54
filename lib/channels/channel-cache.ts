// The workspace's channels, cached from conversations.list (Tier 2: read all pages on demand, not per
// request): public channels and the private channels the bot was invited to.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import type { Channel } from '../generated/prisma/client';
import { botTokenFor } from '../slack/bot-token';
import { slackClient } from '../slack/client';

/** channelJson renders a cached channel for the API. */
export function channelJson(channel: Channel) {
  return {
    id: channel.id,
    name: channel.name,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_member: channel.isMember,
    deleted: channel.deletedAt !== null,
    refreshed_at: channel.refreshedAt,
  };
}

/** refreshChannels re-reads every page of conversations.list into the cache; channels gone from Slack are flagged deleted. */
export async function refreshChannels(workspaceId: string): Promise<number> {
  const client = slackClient(await botTokenFor(workspaceId));
  const seen: Array<{ id: string; name: string; isPrivate: boolean; isArchived: boolean; isMember: boolean }> = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: false, limit: 200, cursor });
    for (const channel of page.channels ?? []) {
      if (!channel.id) continue;
      seen.push({
        id: channel.id,
        name: channel.name ?? channel.id,
        isPrivate: Boolean(channel.is_private),
        isArchived: Boolean(channel.is_archived),
        isMember: Boolean(channel.is_member),
      });
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  // One statement for the whole list: a row-by-row upsert of a large workspace in one transaction ran past
  // Prisma's 5 s transaction timeout when two refreshes overlapped (seen by the fuzzer: 212 channels, a 500).
  const now = new Date();
  // A channel listed on two pages (the list changed while paging) is written once: ON CONFLICT must not meet it twice.
  const channels = [...new Map(seen.map((channel) => [channel.id, channel])).values()];
  await db().$transaction([
    db().$executeRaw`
      INSERT INTO channels (workspace_id, id, name, is_private, is_archived, is_member, deleted_at, refreshed_at)
      SELECT ${workspaceId}, c.id, c.name, c.is_private, c.is_archived, c.is_member, NULL, ${now}
      FROM unnest(${channels.map((c) => c.id)}::text[], ${channels.map((c) => c.name)}::text[], ${channels.map((c) => c.isPrivate)}::boolean[],
                  ${channels.map((c) => c.isArchived)}::boolean[], ${channels.map((c) => c.isMember)}::boolean[])
        AS c(id, name, is_private, is_archived, is_member)
      ON CONFLICT (workspace_id, id) DO UPDATE SET name = EXCLUDED.name, is_private = EXCLUDED.is_private, is_archived = EXCLUDED.is_archived,
        is_member = EXCLUDED.is_member, deleted_at = NULL, refreshed_at = EXCLUDED.refreshed_at`,
    db().channel.updateMany({
      where: { workspaceId, id: { notIn: seen.map((channel) => channel.id) }, deletedAt: null },
      data: { deletedAt: now },
    }),
  ]);
  return seen.length;
}

/** listChannels returns the cached channels by name, filling the cache first when it is empty or asked to. */
export async function listChannels(scope: WorkspaceScope, options: { refresh?: boolean } = {}): Promise<Channel[]> {
  const count = await db().channel.count({ where: { workspaceId: scope.workspaceId } });
  if (options.refresh || count === 0) await refreshChannels(scope.workspaceId);
  return db().channel.findMany({ where: { workspaceId: scope.workspaceId, deletedAt: null }, orderBy: { name: 'asc' } });
}

/** findUnknownChannels returns the ids that are not live channels of the workspace (refreshing the cache once). */
export async function findUnknownChannels(workspaceId: string, ids: readonly string[]): Promise<string[]> {
  const { unknown } = await findChannels(workspaceId, ids);
  return unknown;
}

/**
 * findChannels returns the live channels of the workspace among `ids` and the ids that are not among them,
 * refreshing the cache once when some are missing (a channel created since the last refresh).
 */
export async function findChannels(workspaceId: string, ids: readonly string[]): Promise<{ found: Channel[]; unknown: string[] }> {
  const known = () => db().channel.findMany({ where: { workspaceId, id: { in: [...ids] }, deletedAt: null } });
  let found = await known();
  if (ids.some((id) => !found.some((channel) => channel.id === id))) {
    await refreshChannels(workspaceId);
    found = await known();
  }
  return { found, unknown: ids.filter((id) => !found.some((channel) => channel.id === id)) };
}
