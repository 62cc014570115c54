// Channel ids → names for display, from the workspace's channel cache.
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';

/** channelNames maps the given channel ids to their cached names (ids not in the cache are left out). */
export async function channelNames(scope: WorkspaceScope, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db().channel.findMany({
    where: { workspaceId: scope.workspaceId, id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}
