// When a workspace's overview figures last changed in this process (an alert stored, a status changed, a
// delivery retried), so that the overview recomputes on the next view instead of serving figures from
// before the change. Other processes' changes show within the overview's freshness bound (overview-stats.ts).
import { processWide } from '../process-wide';

const changes = processWide('overviewChanges', () => new Map<string, number>());

/** noteOverviewChange records that the workspace's figures changed now. */
export function noteOverviewChange(workspaceId: string, at = Date.now()): void {
  changes.set(workspaceId, at);
}

/** lastOverviewChange is when the workspace's figures last changed in this process (0: not since start). */
export function lastOverviewChange(workspaceId: string): number {
  return changes.get(workspaceId) ?? 0;
}
