// Retry of dead deliveries as the dashboard and the API offer it: one, all of an alert, or all of the
// workspace, by an admin (or an API key with alerts:write).
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';
import { retryDeadDeliveries } from '../outbox/retry-deliveries';
import { noteOverviewChange } from '../workspaces/overview-changes';

/** retryDeliveries queues the scoped workspace's dead deliveries again (narrowed to an alert, or one of its channels). */
export async function retryDeliveries(scope: WorkspaceScope, target: { alertId?: string; channel?: string } = {}): Promise<{ retried: number }> {
  assertAdmin(scope);
  if (target.alertId) {
    const alert = await db().alert.findFirst({ where: { id: target.alertId, workspaceId: scope.workspaceId }, select: { id: true } });
    if (!alert) throw new AppError('not_found', 'No such alert.');
  }
  const retried = await retryDeadDeliveries(scope.workspaceId, { alertId: target.alertId, channelId: target.channel });
  if (retried > 0) noteOverviewChange(scope.workspaceId);
  return { retried };
}
