// Which channels a route may post to, and why not: what the channel picker shows next to each channel.
import type { Channel } from '@/lib/generated/prisma/client';

/** ChannelOption is a cached channel as the picker shows it. */
export interface ChannelOption {
  id: string;
  name: string;
  isPrivate: boolean;
  unavailable: string | null;
}

/**
 * channelOption describes a cached channel: archived channels, and private channels the bot was not invited
 * to, can't receive alerts (public ones are fine: the bot joins them on first post).
 */
export function channelOption(channel: Channel): ChannelOption {
  const unavailable = channel.isArchived
    ? 'Archived: unarchive it in Slack to post here.'
    : channel.isPrivate && !channel.isMember
      ? 'Private, and Klaxon is not in it: invite the app with /invite @Klaxon in the channel, then refresh.'
      : null;
  return { id: channel.id, name: channel.name, isPrivate: channel.isPrivate, unavailable };
}
