// Workspace-wide settings an admin changes in the dashboard: the channel that receives unrouted alerts.
import { forgetRoutingConfig } from '../alerts/routing-config';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { findUnknownChannels, refreshChannels } from '../channels/channel-cache';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';

/** setUnroutedChannel sets (or clears, with null) the channel for alerts no route matches (admins only). */
export async function setUnroutedChannel(scope: WorkspaceScope, channelId: string | null): Promise<void> {
  assertAdmin(scope);
  if (channelId && (await findUnknownChannels(scope.workspaceId, [channelId])).length) {
    throw new AppError('invalid_request', 'unrouted_channel: is not a channel of this workspace', [{ field: 'unrouted_channel', message: 'unknown channel' }]);
  }
  await db().workspace.update({ where: { id: scope.workspaceId }, data: { unroutedChannelId: channelId } });
  forgetRoutingConfig(scope.workspaceId);
}

/**
 * applySandboxDefaults gives a freshly installed sandbox workspace somewhere to post: unrouted alerts go to
 * the bot's #alerts channel, so a newcomer's first curl shows up in Slack without configuring routes first.
 * With real Slack credentials it does nothing.
 */
export async function applySandboxDefaults(teamId: string): Promise<void> {
  if (env().slack.mode !== 'sandbox') return;
  const workspace = await db().workspace.findUnique({ where: { id: teamId }, select: { unroutedChannelId: true } });
  if (workspace?.unroutedChannelId) return;
  await refreshChannels(teamId);
  const channels = await db().channel.findMany({ where: { workspaceId: teamId, isMember: true, isArchived: false, deletedAt: null }, orderBy: { name: 'asc' } });
  const target = channels.find((channel) => channel.name === 'alerts') ?? channels[0];
  if (target) {
    await db().workspace.update({ where: { id: teamId }, data: { unroutedChannelId: target.id } });
    forgetRoutingConfig(teamId);
  }
}
