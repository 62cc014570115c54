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

