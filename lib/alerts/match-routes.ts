// Routing (DESIGN.md §5): which routes an alert matches, and so which channels receive it. Pure, so that
// ingestion, previews in the dashboard and tests share one answer.
import type { Severity } from '@/lib/generated/prisma/enums';

/** RouteLike is the part of a route that routing reads; Prisma's Route rows satisfy it. */
export interface RouteLike {
  id: string;
  enabled: boolean;
  position: number;
  eventTypes: readonly string[];
  severities: readonly string[];
  channelIds: readonly string[];
  templateId: string | null;
  /** What alerts are grouped by on the route's channels (lib/alerts/plan-deliveries.ts); absent or null: not grouped. */
  groupBy?: string | null;
}

/**
 * isPatternMatch tells whether `eventType` matches `pattern`: equal, or with each `*` in the pattern standing
 * for any run of characters, dots included (`deploy.*`, `*.failed`, `*`). Case-sensitive; no other character
 * is special, so patterns can't inject regular expressions.
 */
export function isPatternMatch(pattern: string, eventType: string): boolean {
  const [first = '', ...rest] = pattern.split('*');
  if (rest.length === 0) return pattern === eventType;
  const last = rest.pop() ?? '';
  if (!eventType.startsWith(first) || eventType.length < first.length + last.length) return false;
  // The first and last pieces are anchored; the middle ones are found left to right, each as early as
  // possible, which is enough for `*` (a greedy choice never prevents a later match).
  let at = first.length;
  const end = eventType.length - last.length;
  for (const piece of rest) {
    const found = eventType.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return eventType.endsWith(last);
}

/**
 * matchRoutes returns the enabled routes that match the alert (any of their event-type patterns, and its
 * severity), in `position` order, and the channels to post to: each channel once, in order of first appearance,
 * with `channelRoutes` naming the route that claimed it (the first one, whose template the channel gets).
 */
export function matchRoutes<R extends RouteLike>(
  alert: { eventType: string; severity: Severity },
  routes: readonly R[],
): { routes: R[]; channelIds: string[]; channelRoutes: Map<string, R> } {
  const matched = routes
    .filter(
      (route) =>
        route.enabled &&
        route.severities.includes(alert.severity) &&
        route.eventTypes.some((pattern) => isPatternMatch(pattern, alert.eventType)),
    )
    // Ties in position are broken by id, so that the winner of a channel never depends on input order.
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const channelRoutes = new Map<string, R>();
  for (const route of matched) {
    for (const channelId of route.channelIds) {
      if (!channelRoutes.has(channelId)) channelRoutes.set(channelId, route);
    }
  }
  return { routes: matched, channelIds: [...channelRoutes.keys()], channelRoutes };
}
