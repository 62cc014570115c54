// Suggestions for route patterns: the event types this workspace's recent alerts used.
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';

const RECENT = 1_000;

/**
 * recentEventTypes lists the distinct event types of the workspace's latest alerts, alphabetically. Reading a
 * bounded window on the (workspace, created_at) index keeps this fast however many alerts there are.
 */
export async function recentEventTypes(scope: WorkspaceScope): Promise<string[]> {
  const rows = await db().alert.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { createdAt: 'desc' },
    take: RECENT,
    select: { eventType: true },
  });
  return [...new Set(rows.map((row) => row.eventType))].sort();
}
