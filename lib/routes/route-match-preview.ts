// The routes page's "Which routes match?" box: where an alert of an event type and severity would go, answered
// by the very matchRoutes that ingestion uses, so the preview can't disagree with what happens to an alert.
import { matchRoutes, type RouteLike } from '../alerts/match-routes';
import type { Severity } from '../generated/prisma/enums';
import { SEVERITIES } from '../schemas/primitives';
import { firstParam, type SearchParams } from '../schemas/read-search-params';

/** RouteMatchQuestion is what the box asks, as typed (shown back in the form). */
export interface RouteMatchQuestion {
  eventType: string;
  severity: string;
}

/** RouteMatchAnswer is the routes an alert would match, in order, and the channels it would reach (each once). */
export interface RouteMatchAnswer<R> {
  eventType: string;
  severity: Severity;
  routes: R[];
  channelIds: string[];
}

/** routeMatchQuestion reads the box's fields (`match_event_type`, `match_severity`) from the page's URL. */
export function routeMatchQuestion(params: SearchParams): RouteMatchQuestion {
  return { eventType: firstParam(params.match_event_type), severity: firstParam(params.match_severity) };
}

/** previewRouteMatch answers a question, or returns null until it names an event type and one of the severities. */
export function previewRouteMatch<R extends RouteLike>(routes: readonly R[], question: RouteMatchQuestion): RouteMatchAnswer<R> | null {
  const severity = SEVERITIES.find((candidate) => candidate === question.severity);
  if (!question.eventType || !severity) return null;
  const matched = matchRoutes({ eventType: question.eventType, severity }, routes);
  return { eventType: question.eventType, severity, routes: matched.routes, channelIds: matched.channelIds };
}
