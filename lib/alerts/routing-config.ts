// What routing reads on every alert — the workspace's enabled routes and its channel for unrouted alerts —
// cached for a second per process (dropped on local writes): at thousands of alerts per second, re-reading
// them would cost more than routing itself.
import { db } from '../db';
import type { Route } from '../generated/prisma/client';
import { processWide } from '../process-wide';

const TTL_MS = 1_000;

/** RoutingConfig is a workspace's enabled routes in position order and its fallback channel. */
export interface RoutingConfig {
  routes: Route[];
  unroutedChannelId: string | null;
}

const cache = processWide('routingConfigCache', () => new Map<string, { config: RoutingConfig; until: number }>());

/** routingConfig returns the workspace's current routing configuration. */
export async function routingConfig(workspaceId: string): Promise<RoutingConfig> {
  const hit = cache.get(workspaceId);
  if (hit && hit.until > Date.now()) return hit.config;
  const [routes, workspace] = await Promise.all([
    db().route.findMany({ where: { workspaceId, enabled: true }, orderBy: { position: 'asc' } }),
    db().workspace.findUnique({ where: { id: workspaceId }, select: { unroutedChannelId: true } }),
  ]);
  const config = { routes, unroutedChannelId: workspace?.unroutedChannelId ?? null };
  cache.set(workspaceId, { config, until: Date.now() + TTL_MS });
  return config;
}

/** forgetRoutingConfig drops the cached configuration of a workspace after it changed. */
export function forgetRoutingConfig(workspaceId: string): void {
  cache.delete(workspaceId);
}
