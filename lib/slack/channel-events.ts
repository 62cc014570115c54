// Keeps the channel cache true to Slack between refreshes: renames, archives, deletions, and the bot
// leaving or joining. Routes that point at a channel that is gone or archived are then flagged.
import { db } from '../db';

type ChannelEvent = { type: string; channel?: unknown; user?: string };

function channelIdOf(event: ChannelEvent): string | null {
  if (typeof event.channel === 'string') return event.channel;
  if (event.channel && typeof event.channel === 'object' && 'id' in event.channel) return String((event.channel).id);
  return null;
}

/** CHANNEL_EVENT_TYPES are the events applyChannelEvent understands. */
export const CHANNEL_EVENT_TYPES = new Set([
  'channel_rename',
  'group_rename',
  'channel_archive',
  'group_archive',
  'channel_unarchive',
  'group_unarchive',
  'channel_deleted',
  'group_deleted',
  'member_left_channel',
  'member_joined_channel',
]);

/** applyChannelEvent updates the cached channel an event is about. */
export async function applyChannelEvent(teamId: string, event: ChannelEvent): Promise<void> {
  const channelId = channelIdOf(event);
  if (!channelId) return;
  const where = { workspaceId: teamId, id: channelId };
  switch (event.type) {
    case 'channel_rename':
    case 'group_rename': {
      const name = (event.channel as { name?: string }).name;
      if (name) await db().channel.updateMany({ where, data: { name } });
      return;
    }
    case 'channel_archive':
    case 'group_archive':
      await db().channel.updateMany({ where, data: { isArchived: true } });
      return;
    case 'channel_unarchive':
    case 'group_unarchive':
      await db().channel.updateMany({ where, data: { isArchived: false } });
      return;
    case 'channel_deleted':
    case 'group_deleted':
      await db().channel.updateMany({ where, data: { deletedAt: new Date() } });
      return;
    case 'member_left_channel':
    case 'member_joined_channel': {
      const installation = await db().installation.findUnique({ where: { workspaceId: teamId }, select: { botUserId: true } });
      if (installation?.botUserId === event.user) await db().channel.updateMany({ where, data: { isMember: event.type === 'member_joined_channel' } });
      return;
    }
  }
}

/** RouteChannelWarning is a route that points at a channel alerts cannot reach. */
export interface RouteChannelWarning {
  routeId: string;
  routeName: string;
  channelId: string;
  channelName: string | null;
  problem: 'deleted' | 'archived' | 'bot not in private channel' | 'unknown';
}

/** routeChannelWarnings lists, per route, the channels that are deleted, archived or unreachable for the bot. */
export async function routeChannelWarnings(workspaceId: string): Promise<RouteChannelWarning[]> {
  const [routes, channels] = await Promise.all([
    db().route.findMany({ where: { workspaceId }, orderBy: { position: 'asc' } }),
    db().channel.findMany({ where: { workspaceId } }),
  ]);
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  return routes.flatMap((route) =>
    route.channelIds.flatMap((channelId): RouteChannelWarning[] => {
      const channel = byId.get(channelId);
      const problem = !channel ? 'unknown' : channel.deletedAt ? 'deleted' : channel.isArchived ? 'archived' : channel.isPrivate && !channel.isMember ? 'bot not in private channel' : null;
      return problem ? [{ routeId: route.id, routeName: route.name, channelId, channelName: channel?.name ?? null, problem }] : [];
    }),
  );
}
