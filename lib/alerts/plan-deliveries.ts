// Where routing sends a new alert: its matching routes and one delivery per channel (DESIGN.md §5). Pure;
// intake uses it as alerts arrive, the end of a silence for the alerts it held.
import type { Severity } from '../generated/prisma/enums';
import { matchRoutes, type RouteLike } from './match-routes';

/** AlertPlan is where routing sends an alert: its routes and one delivery per channel. */
export interface AlertPlan<R extends RouteLike = RouteLike> {
  routed: boolean;
  /** routes are the matching routes, in order (the first one with an escalation policy or auto-resolve rules). */
  routes: R[];
  routeIds: string[];
  deliveries: Array<{ channelId: string; templateId: string | null }>;
}

/** planDeliveries routes an alert with a workspace's configuration (shared with the release of silenced alerts). */
export function planDeliveries<R extends RouteLike>(alert: { eventType: string; severity: Severity }, config: { routes: readonly R[]; unroutedChannelId: string | null }): AlertPlan<R> {
  const { routes: matchedRoutes, channelIds: matched, channelRoutes } = matchRoutes(alert, config.routes);
  // An alert no route matches is kept as unrouted, and still posted to the workspace's unrouted channel if set.
  const channelIds = matched.length === 0 && config.unroutedChannelId ? [config.unroutedChannelId] : matched;
  return {
    routed: matched.length > 0,
    routes: matchedRoutes,
    routeIds: matchedRoutes.map((route) => route.id),
    deliveries: channelIds.map((channelId) => ({ channelId, templateId: channelRoutes.get(channelId)?.templateId ?? null })),
  };
}

