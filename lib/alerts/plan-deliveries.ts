// Where routing sends a new alert: its matching routes and one delivery per channel (DESIGN.md §5), each with
// the group key its route gives it there. Pure; intake uses it as alerts arrive, the end of a silence for the
// alerts it held.
import { createHash } from 'node:crypto';
import type { Severity } from '../generated/prisma/enums';
import { matchRoutes, type RouteLike } from './match-routes';

/** AlertPlan is where routing sends an alert: its routes and one delivery per channel. */
export interface AlertPlan<R extends RouteLike = RouteLike> {
  routed: boolean;
  /** routes are the matching routes, in order (the first one with an escalation policy or auto-resolve rules). */
  routes: R[];
  routeIds: string[];
  deliveries: PlannedDelivery[];
}

/** PlannedDelivery is one channel an alert goes to; alerts with the same groupKey there share one message. */
export interface PlannedDelivery {
  channelId: string;
  templateId: string | null;
  groupKey: string | null;
}

/** GroupableAlert is what a route's group_by reads of an alert. */
export interface GroupableAlert {
  eventType: string;
  fields?: unknown;
  groupKey?: string | null;
}

// Keys are stored in a unique index: a long value is kept as its hash, which groups the same way.
const MAX_KEY = 200;

/**
 * groupKeyOf is the key a route's `group_by` gives an alert: `event_type=…`, `group_key=…` or `field:<name>=…`,
 * null when the route does not group or the alert lacks the value (it then has a message of its own).
 */
export function groupKeyOf(groupBy: string | null | undefined, alert: GroupableAlert): string | null {
  if (!groupBy) return null;
  // Alert fields are strings, numbers or booleans; the event type and group key are strings.
  let value: string | number | boolean | null | undefined;
  if (groupBy === 'event_type') value = alert.eventType;
  else if (groupBy === 'group_key') value = alert.groupKey ?? null;
  else if (groupBy.startsWith('field:') && alert.fields && typeof alert.fields === 'object') {
    const name = groupBy.slice('field:'.length);
    const field = Object.hasOwn(alert.fields, name) ? (alert.fields as Record<string, unknown>)[name] : undefined;
    value = typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean' ? field : null;
  }
  if (value === undefined || value === null || value === '') return null;
  const key = `${groupBy}=${String(value)}`;
  return key.length <= MAX_KEY ? key : `${groupBy}#${createHash('sha256').update(String(value)).digest('hex')}`;
}

/** planDeliveries routes an alert with a workspace's configuration (shared with the release of silenced alerts). */
export function planDeliveries<R extends RouteLike>(alert: GroupableAlert & { severity: Severity }, config: { routes: readonly R[]; unroutedChannelId: string | null }): AlertPlan<R> {
  const { routes: matchedRoutes, channelIds: matched, channelRoutes } = matchRoutes(alert, config.routes);
  // An alert no route matches is kept as unrouted, and still posted to the workspace's unrouted channel if set.
  const channelIds = matched.length === 0 && config.unroutedChannelId ? [config.unroutedChannelId] : matched;
  return {
    routed: matched.length > 0,
    routes: matchedRoutes,
    routeIds: matchedRoutes.map((route) => route.id),
    deliveries: channelIds.map((channelId) => {
      const route = channelRoutes.get(channelId);
      return { channelId, templateId: route?.templateId ?? null, groupKey: groupKeyOf(route?.groupBy, alert) };
    }),
  };
}


// Intake routes thousands of alerts a second, mostly of a few event types, against a configuration that is
// replaced (a new object) at each refresh: the same event type and severity match the same routes, so matches
// are kept per configuration object. Measured in the Alertmanager bench (the bench workspace has 200+ routes):
// matching was 7 % of the app's CPU. A group key can depend on the alert's fields, so where a channel's route
// groups, the key is worked out per alert. Plans are frozen, as they are shared.
const MAX_PLANS = 1_000;

interface KnownPlan {
  plan: AlertPlan;
  /** The group_by of the route that claimed each delivery's channel; null when no route groups. */
  groupBy: Array<string | null | undefined> | null;
}

const plans = new WeakMap<object, Map<string, KnownPlan>>();

function remember(alert: { eventType: string; severity: Severity }, config: { routes: readonly RouteLike[]; unroutedChannelId: string | null }): KnownPlan {
  const plan = planDeliveries({ eventType: alert.eventType, severity: alert.severity }, config);
  // The first matching route naming a channel claims it (matchRoutes), so it is the one whose group_by counts.
  const groupBy = plan.deliveries.map(({ channelId }) => plan.routes.find((route) => route.channelIds.includes(channelId))?.groupBy);
  Object.freeze(plan.routes);
  Object.freeze(plan.routeIds);
  for (const delivery of plan.deliveries) Object.freeze(delivery);
  Object.freeze(plan.deliveries);
  return { plan, groupBy: groupBy.some(Boolean) ? groupBy : null };
}

/** routeAlert is planDeliveries, its matching remembered per configuration object, event type and severity. */
export function routeAlert<R extends RouteLike>(alert: GroupableAlert & { severity: Severity }, config: { routes: readonly R[]; unroutedChannelId: string | null }): AlertPlan<R> {
  let known = plans.get(config);
  if (!known) plans.set(config, (known = new Map<string, KnownPlan>()));
  const key = `${alert.severity}\u0000${alert.eventType}`;
  let entry = known.get(key);
  if (!entry) {
    entry = remember(alert, config);
    if (known.size >= MAX_PLANS) known.clear();
    known.set(key, entry);
  }
  const { plan, groupBy } = entry as { plan: AlertPlan<R>; groupBy: KnownPlan['groupBy'] };
  if (!groupBy) return plan;
  return { ...plan, deliveries: plan.deliveries.map((delivery, index) => ({ ...delivery, groupKey: groupKeyOf(groupBy[index], alert) })) };
}
