// The numbers on a workspace's overview: open alerts by severity, alerts per day, mean time to acknowledge
// per route, delivery health, and warnings that need an admin. Aggregates run in PostgreSQL on indexed
// columns, so they stay fast with hundreds of thousands of alerts.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import type { Severity } from '../generated/prisma/client';
import { processWide } from '../process-wide';
import { routeChannelWarnings, type RouteChannelWarning } from '../slack/channel-events';
import { lastOverviewChange } from './overview-changes';

const DAYS = 14;
const SEVERITIES: Severity[] = ['critical', 'error', 'warning', 'info'];

/** OverviewStats is everything the overview page shows. */
export interface OverviewStats {
  openBySeverity: Array<{ severity: Severity; count: number }>;
  perDay: Array<{ day: string; count: number }>;
  mttaByRoute: Array<{ routeId: string; name: string; acknowledged: number; meanSeconds: number }>;
  deliveries: { failed: number; dead: number; recentProblems: Array<{ alertId: string; title: string; channelId: string; state: string; lastError: string | null; at: Date }> };
  unroutedRecently: number;
  routeWarnings: RouteChannelWarning[];
  /** When these figures were computed. */
  computedAt: Date;
}

/** computeOverviewStats runs the overview's aggregates for the scoped workspace. */
export async function computeOverviewStats(scope: WorkspaceScope, now = new Date()): Promise<OverviewStats> {
  const workspaceId = scope.workspaceId;
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (DAYS - 1)));
  const [open, days, mtta, health, problems, unrouted, routeWarnings] = await Promise.all([
    db().alert.groupBy({ by: ['severity'], where: { workspaceId, status: { in: ['triggered', 'acknowledged'] } }, _count: { _all: true } }),
    db().$queryRaw<Array<{ day: string; count: number }>>`
      SELECT to_char(date_trunc('day', created_at), 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM alerts WHERE workspace_id = ${workspaceId} AND created_at >= ${since}
      GROUP BY 1`,
    // Aggregated per route id first, joined to the routes after: one pass over the alerts whatever the planner
    // believes (with statistics from before a bulk insert it nested a scan of every alert inside each route: 6.5 s).
    db().$queryRaw<Array<{ route_id: string; name: string; acknowledged: number; mean_seconds: number }>>`
      SELECT r.id AS route_id, r.name, m.acknowledged, m.mean_seconds
      FROM (
        SELECT matched.route_id, count(*)::int AS acknowledged,
               avg(extract(epoch FROM a.acknowledged_at - a.created_at))::float8 AS mean_seconds
        FROM alerts a CROSS JOIN LATERAL unnest(a.route_ids) AS matched(route_id)
        WHERE a.workspace_id = ${workspaceId} AND a.acknowledged_at IS NOT NULL AND a.created_at >= ${since}
        GROUP BY matched.route_id
        OFFSET 0
      ) m
      JOIN routes r ON r.id = m.route_id AND r.workspace_id = ${workspaceId}
      ORDER BY m.mean_seconds DESC`,
    db().delivery.groupBy({ by: ['state'], where: { workspaceId, state: { in: ['failed', 'dead'] } }, _count: { _all: true } }),
    db().delivery.findMany({
      where: { workspaceId, state: { in: ['failed', 'dead'] } },
      orderBy: { updatedAt: 'desc' },
      take: 8,
      include: { alert: { select: { title: true } } },
    }),
    db().alert.count({ where: { workspaceId, routed: false, createdAt: { gte: since } } }),
    routeChannelWarnings(workspaceId),
  ]);
  const perDayMap = new Map(days.map((row) => [row.day, row.count]));
  const countOf = (state: string) => health.find((row) => row.state === state)?._count._all ?? 0;
  return {
    openBySeverity: SEVERITIES.map((severity) => ({ severity, count: open.find((row) => row.severity === severity)?._count._all ?? 0 })),
    perDay: Array.from({ length: DAYS }, (_, i) => {
      const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
      return { day, count: perDayMap.get(day) ?? 0 };
    }),
    mttaByRoute: mtta.map((row) => ({ routeId: row.route_id, name: row.name, acknowledged: row.acknowledged, meanSeconds: row.mean_seconds })),
    deliveries: {
      failed: countOf('failed'),
      dead: countOf('dead'),
      recentProblems: problems.map((row) => ({ alertId: row.alertId, title: row.alert.title, channelId: row.channelId, state: row.state, lastError: row.lastError, at: row.updatedAt })),
    },
    unroutedRecently: unrouted,
    routeWarnings,
    computedAt: now,
  };
}

/** FRESH_MS bounds how old the figures may be: changes made through another process show within it. */
export const FRESH_MS = 30_000;
const cache = processWide('overviewStatsCache', () => new Map<string, { stats: Promise<OverviewStats>; at: number }>());

/**
 * overviewStats returns the overview, computed at most FRESH_MS ago and after the last change this process
 * made to the workspace (a new alert or status change shows on the next view). Views while it is being
 * computed share that computation; `computedAt` says how fresh the figures are.
 */
export function overviewStats(scope: WorkspaceScope, now = Date.now()): Promise<OverviewStats> {
  const hit = cache.get(scope.workspaceId);
  if (hit && now - hit.at <= FRESH_MS && lastOverviewChange(scope.workspaceId) < hit.at) return hit.stats;
  const entry = { stats: computeOverviewStats(scope, new Date(now)), at: now };
  cache.set(scope.workspaceId, entry);
  entry.stats.catch(() => {
    if (cache.get(scope.workspaceId) === entry) cache.delete(scope.workspaceId);
  });
  return entry.stats;
}
