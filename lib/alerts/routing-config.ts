// What routing reads on every alert — the workspace's enabled routes, its channel for unrouted alerts and the
// silences that have not ended —
// cached per process and refreshed in the background after a second (dropped at once on local writes): at
// thousands of alerts per second, re-reading them would cost more than routing itself, and no alert waits
// for a refresh.
import { db } from '../db';
import type { Route, Silence } from '../generated/prisma/client';
import { refreshingCache } from '../refreshing-cache';

/** RoutingConfig is a workspace's enabled routes in position order, its fallback channel and its current or future silences. */
export interface RoutingConfig {
  routes: Route[];
  unroutedChannelId: string | null;
  /** Silences whose end was still ahead when loaded; matching checks the time itself (lib/silences/match-silence.ts). */
  silences: Silence[];
}

const cache = refreshingCache<string, RoutingConfig>('routingConfig', {
  freshMs: 1_000,
  // Another instance's route change shows here within this long even if every background read failed.
  maxStaleMs: 10_000,
  maxEntries: 10_000,
  load: async (workspaceId) => {
    const [routes, workspace, silences] = await Promise.all([
      db().route.findMany({ where: { workspaceId, enabled: true }, orderBy: { position: 'asc' } }),
      db().workspace.findUnique({ where: { id: workspaceId }, select: { unroutedChannelId: true } }),
      db().silence.findMany({ where: { workspaceId, endsAt: { gt: new Date() } } }),
    ]);
    return { routes, unroutedChannelId: workspace?.unroutedChannelId ?? null, silences };
  },
});

/** routingConfig returns the workspace's current routing configuration. */
export async function routingConfig(workspaceId: string): Promise<RoutingConfig> {
  return (await cache.get(workspaceId))!;
}

/** forgetRoutingConfig drops the cached configuration of a workspace after it changed. */
export function forgetRoutingConfig(workspaceId: string): void {
  cache.delete(workspaceId);
}
