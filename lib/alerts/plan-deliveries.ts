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


// Intake routes thousands of alerts a second, mostly of a few event types, against a configuration that is
// replaced (a new object) at each refresh: the same event type and severity get the same plan, so plans are
// kept per configuration object. Measured in the Alertmanager bench (the bench workspace has 200+ routes):
// matching was 7 % of the app's CPU. Plans are frozen, as they are shared.
const MAX_PLANS = 1_000;
const plans = new WeakMap<object, Map<string, AlertPlan>>();

/** routeAlert is planDeliveries, remembered per configuration object, event type and severity. */
export function routeAlert<R extends RouteLike>(alert: { eventType: string; severity: Severity }, config: { routes: readonly R[]; unroutedChannelId: string | null }): AlertPlan<R> {
  let known = plans.get(config);
  if (!known) plans.set(config, (known = new Map<string, AlertPlan>()));
  const key = `${alert.severity}\u0000${alert.eventType}`;
  const cached = known.get(key);
  if (cached) return cached as AlertPlan<R>;
  const plan = planDeliveries(alert, config);
  Object.freeze(plan.routes);
  Object.freeze(plan.routeIds);
  for (const delivery of plan.deliveries) Object.freeze(delivery);
  Object.freeze(plan.deliveries);
  if (known.size >= MAX_PLANS) known.clear();
  known.set(key, plan);
  return plan;
}
