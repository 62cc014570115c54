// The enabled routes of a workspace, read on every alert: cached for a second per process (invalidated on
// local writes), because at thousands of alerts per second re-reading them would cost more than routing.
import { db } from '../db';
import type { Route } from '../generated/prisma/client';

const TTL_MS = 1_000;
const cache = new Map<string, { routes: Route[]; until: number }>();

/** enabledRoutes returns the workspace's enabled routes in position order. */
export async function enabledRoutes(workspaceId: string): Promise<Route[]> {
  const hit = cache.get(workspaceId);
  if (hit && hit.until > Date.now()) return hit.routes;
  const routes = await db().route.findMany({ where: { workspaceId, enabled: true }, orderBy: { position: 'asc' } });
  cache.set(workspaceId, { routes, until: Date.now() + TTL_MS });
  return routes;
}

/** forgetRoutes drops the cached routes of a workspace after they changed. */
export function forgetRoutes(workspaceId: string): void {
  cache.delete(workspaceId);
}
