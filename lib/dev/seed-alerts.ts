// Fills a workspace with realistic alert history for demos and for measuring the dashboard at scale
// (`npm run seed -- --alerts 100000`): generated in PostgreSQL with generate_series, in batches.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

const BATCH = 20_000;

/**
 * seedAlerts inserts `count` alerts spread over the last 14 days, with deliveries and activity, through `pool`
 * (the app's, or a test's own connection to the app's database).
 */
export async function seedAlerts(pool: pg.Pool, workspaceId: string, count: number): Promise<void> {
  const { rows: routes } = await pool.query<{ id: string; channel_ids: string[] }>('SELECT id, channel_ids FROM routes WHERE workspace_id = $1', [workspaceId]);
  const routeIds = routes.map((route) => route.id);
  const channel = routes[0]?.channel_ids[0] ?? null;
  for (let done = 0; done < count; done += BATCH) {
    const size = Math.min(BATCH, count - done);
    const prefix = randomUUID().slice(0, 8);
    await pool.query(
      `WITH generated AS (
         SELECT n, now() - (random() * interval '14 days') AS created,
                (ARRAY['critical','error','warning','info'])[1 + (n % 4)] AS severity,
                (ARRAY['deploy.failed','db.latency','api.errors','queue.backlog','cert.expiring','disk.full'])[1 + (n % 6)] AS event_type,
                CASE WHEN n % 10 < 7 THEN 'resolved' WHEN n % 10 < 9 THEN 'acknowledged' ELSE 'triggered' END AS status
         FROM generate_series(1, $2::int) AS n
       ), inserted AS (
         INSERT INTO alerts (id, workspace_id, event_type, severity, title, description, fields, links, source, dedup_key, open_dedup_key,
                             status, routed, route_ids, occurrences, occurred_at, last_seen_at, acknowledged_at, resolved_at, created_at, updated_at)
         SELECT $1 || '-' || n, $3, event_type, severity::"Severity", initcap(replace(event_type, '.', ' ')) || ' on host-' || (n % 40),
                'Seeded alert ' || n, jsonb_build_object('host', 'host-' || (n % 40), 'value', n % 100), '[]'::jsonb, 'seed',
                $1 || '-' || n, CASE WHEN status = 'resolved' THEN NULL ELSE $1 || '-' || n END,
                status::"AlertStatus", cardinality($4::text[]) > 0,
                CASE WHEN cardinality($4::text[]) > 0 THEN ARRAY[($4::text[])[1 + n % cardinality($4::text[])]] ELSE '{}' END,
                1 + (n % 3), created, created,
                CASE WHEN status <> 'triggered' THEN created + (n % 900) * interval '1 second' END,
                CASE WHEN status = 'resolved' THEN created + (n % 7200) * interval '1 second' END,
                created, created
         FROM generated
         RETURNING id, created_at, status, acknowledged_at
       ), activity AS (
         INSERT INTO alert_activity (id, workspace_id, alert_id, kind, actor_type, actor_name, via, at)
         SELECT id || '-t', $3, id, 'triggered'::"ActivityKind", 'system'::"ActorType", 'seed', 'system'::"Via", created_at FROM inserted
         UNION ALL
         SELECT id || '-a', $3, id, 'acknowledged'::"ActivityKind", 'system'::"ActorType", 'seed', 'system'::"Via", acknowledged_at FROM inserted WHERE acknowledged_at IS NOT NULL
         RETURNING 1
       )
       -- History, not outbox work: these deliveries are sent already (and never dirty), so no worker claims them.
       INSERT INTO deliveries (id, workspace_id, alert_id, channel_id, state, attempts, next_attempt_at, message_ts, sent_at, created_at, updated_at)
       SELECT id || '_1', $3, id, $5, 'sent'::"DeliveryState", 1, created_at, '1700000000.' || lpad((row_number() OVER ())::text, 6, '0'), created_at, created_at, created_at
       FROM inserted WHERE $5::text IS NOT NULL`,
      [`seed-${prefix}`, size, workspaceId, routeIds, channel],
    );
  }
}
