// What a scheduled report says about a workspace's alerts over a period: how many by severity, mean time to
// acknowledge and to resolve (of the alerts of the period that were), the noisiest event types, and what is
// still open now. Read in one statement, scoped to the workspace.
import { sql } from '../db';
import type { Severity } from '../generated/prisma/client';

/** ReportSummary is one report's content. */
export interface ReportSummary {
  since: Date;
  until: Date;
  total: number;
  bySeverity: Partial<Record<Severity, number>>;
  /** Mean seconds from trigger to acknowledge / resolve; null when none was. */
  meanAckSeconds: number | null;
  meanResolveSeconds: number | null;
  noisiest: Array<{ eventType: string; count: number }>;
  open: number;
  oldestOpen: Array<{ id: string; title: string; severity: Severity; createdAt: Date }>;
}

const SUMMARY_SQL = `
  WITH period AS (SELECT * FROM alerts WHERE workspace_id = $1 AND created_at >= $2 AND created_at < $3)
  SELECT (SELECT count(*)::int FROM period) AS total,
         (SELECT coalesce(jsonb_object_agg(severity, n), '{}') FROM (SELECT severity, count(*)::int AS n FROM period GROUP BY severity) s) AS "bySeverity",
         (SELECT avg(extract(epoch FROM acknowledged_at - created_at))::float8 FROM period WHERE acknowledged_at IS NOT NULL) AS "meanAckSeconds",
         (SELECT avg(extract(epoch FROM resolved_at - created_at))::float8 FROM period WHERE resolved_at IS NOT NULL) AS "meanResolveSeconds",
         (SELECT coalesce(jsonb_agg(jsonb_build_object('eventType', event_type, 'count', n) ORDER BY n DESC, event_type), '[]')
            FROM (SELECT event_type, count(*)::int AS n FROM period GROUP BY event_type ORDER BY n DESC, event_type LIMIT 5) e) AS noisiest,
         (SELECT count(*)::int FROM alerts WHERE workspace_id = $1 AND status <> 'resolved') AS open,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'title', title, 'severity', severity, 'createdAt', created_at) ORDER BY created_at), '[]')
            FROM (SELECT id, title, severity, created_at FROM alerts WHERE workspace_id = $1 AND status <> 'resolved' ORDER BY created_at LIMIT 5) o) AS "oldestOpen"`;

/** summarizeAlerts reads the report of a workspace's alerts created in [since, until). */
export async function summarizeAlerts(workspaceId: string, since: Date, until: Date): Promise<ReportSummary> {
  const { rows } = await sql<Omit<ReportSummary, 'since' | 'until'>>(SUMMARY_SQL, [workspaceId, since, until]);
  const row = rows[0]!;
  return {
    ...row,
    since,
    until,
    oldestOpen: row.oldestOpen.map((alert) => ({ ...alert, createdAt: new Date(/[zZ]$/.test(String(alert.createdAt)) ? String(alert.createdAt) : `${String(alert.createdAt)}Z`) })),
  };
}
