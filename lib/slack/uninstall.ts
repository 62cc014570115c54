// Uninstall (app_uninstalled, or tokens_revoked for the bot): delete the tokens, mark the workspace
// uninstalled and fail its pending deliveries visibly, keeping all history. Slack may send these events
// late, even after a reinstall: an event older than the current installation is ignored.
import { db } from '../db';
import { stopWorkspaceDeliveries } from '../outbox/deliveries';
import { NO_TOKENS } from './installation-store';

/** UNINSTALLED_REASON is the error recorded on deliveries stopped by an uninstall. */
export const UNINSTALLED_REASON = 'workspace uninstalled';

/** markWorkspaceUninstalled applies an uninstall that Slack reported at eventTime; false when ignored as stale. */
export async function markWorkspaceUninstalled(teamId: string, eventTime: Date): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const installation = await tx.installation.findUnique({ where: { workspaceId: teamId } });
    // Slack's event_time has whole seconds: compare at that precision so an uninstall right after an install counts.
    if (!installation || Math.floor(installation.installedAt.getTime() / 1000) * 1000 > eventTime.getTime()) return false;
    await tx.installation.update({
      where: { workspaceId: teamId },
      data: NO_TOKENS,
    });
    await tx.workspace.updateMany({ where: { id: teamId, uninstalledAt: null }, data: { uninstalledAt: new Date() } });
    await stopWorkspaceDeliveries(tx, teamId, UNINSTALLED_REASON);
    return true;
  });
}
