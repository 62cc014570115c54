// What the dashboard shows about a workspace's installation.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';

/** WorkspaceOverview is a workspace's identity and installation state, without any secret. */
export interface WorkspaceOverview {
  id: string;
  name: string;
  installedAt: Date | null;
  uninstalledAt: Date | null;
  scopes: string[];
  botUserId: string | null;
  installer: string | null;
  members: number;
  unroutedChannelId: string | null;
}

/** workspaceOverview loads the scoped workspace (never another one). */
export async function workspaceOverview(scope: WorkspaceScope): Promise<WorkspaceOverview> {
  const workspace = await db().workspace.findUnique({
    where: { id: scope.workspaceId },
    // Members who signed in to the dashboard (have had a session); people who only clicked buttons in Slack are users too, but not these.
    include: {
      installation: { select: { scopes: true, botUserId: true, installerSlackUserId: true } },
      _count: { select: { users: { where: { sessions: { some: {} } } } } },
    },
  });
  if (!workspace) throw new AppError('not_found', 'No such workspace.');
  const installer = workspace.installation
    ? await db().user.findUnique({
        where: { workspaceId_slackUserId: { workspaceId: workspace.id, slackUserId: workspace.installation.installerSlackUserId } },
      })
    : null;
  return {
    id: workspace.id,
    name: workspace.name,
    installedAt: workspace.installedAt,
    uninstalledAt: workspace.uninstalledAt,
    scopes: workspace.installation?.scopes ?? [],
    botUserId: workspace.installation?.botUserId ?? null,
    installer: installer?.displayName ?? workspace.installation?.installerSlackUserId ?? null,
    members: workspace._count.users,
    unroutedChannelId: workspace.unroutedChannelId,
  };
}
