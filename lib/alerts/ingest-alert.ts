// Accepting an alert: route it, then store it with its delivery jobs in ONE statement (so one transaction,
// one round trip) before the caller gets its 202. A trigger whose dedup key matches an open alert bumps
// that alert's occurrences and marks its posted messages for an update instead of posting again.
import { randomUUID } from 'node:crypto';
import type { WorkspaceScope } from '../auth/workspace-scope';
import { sqlPool } from '../db';
import type { AlertStatus } from '../generated/prisma/client';
import type { AlertInput, AlertTriggerInput } from '../schemas/alert';
import { WORK_CHANNEL } from '../delivery/work-signal';
import { actorOf, viaOf } from './actor';
import { changeAlertStatusByDedupKey } from './lifecycle';
import { matchRoutes } from './match-routes';
import { routingConfig } from './routing-config';

/** IngestResult is the API's answer to an accepted alert. */
export interface IngestResult {
  id: string;
  status: AlertStatus;
  dedupKey: string;
  created: boolean;
}

interface UpsertRow {
  id: string;
  status: AlertStatus;
  dedup_key: string;
  inserted: boolean;
}

// One statement: the alert (or its bump), its deliveries, its activity and the worker's wake-up commit together.
const INGEST_SQL = `
  WITH upserted AS (
    INSERT INTO alerts (id, workspace_id, event_type, severity, title, description, fields, links, source, dedup_key,
                        open_dedup_key, status, routed, route_ids, occurrences, occurred_at, last_seen_at, created_at, updated_at)
    VALUES ($1, $2, $3, $4::"Severity", $5, $6, $7::jsonb, $8::jsonb, $9, $10, $10, 'triggered', $11, $22::text[], 1, $12, $13, $13, $13)
    ON CONFLICT (workspace_id, open_dedup_key)
      DO UPDATE SET occurrences = alerts.occurrences + 1, last_seen_at = EXCLUDED.last_seen_at, updated_at = EXCLUDED.updated_at
    RETURNING id, status, dedup_key, (xmax = 0) AS inserted
  ), new_deliveries AS (
    INSERT INTO deliveries (id, workspace_id, alert_id, channel_id, template_id, state, attempts, next_attempt_at, dirty, created_at, updated_at)
    SELECT u.id || '_' || target.ord, $2, u.id, target.channel_id, target.template_id, 'pending', 0, $13, false, $13, $13
    FROM upserted u, unnest($14::text[], $15::text[]) WITH ORDINALITY AS target(channel_id, template_id, ord)
    WHERE u.inserted
    RETURNING 1
  ), activity AS (
    INSERT INTO alert_activity (id, workspace_id, alert_id, kind, actor_type, actor_id, actor_name, via, at)
    SELECT $16, $2, u.id, (CASE WHEN u.inserted THEN 'triggered' ELSE 'occurred' END)::"ActivityKind",
           $17::"ActorType", $18, $19, $20::"Via", $13
    FROM upserted u
    RETURNING 1
  ), refreshed AS (
    UPDATE deliveries SET dirty = true, next_attempt_at = LEAST(next_attempt_at, $13), updated_at = $13
    WHERE alert_id IN (SELECT id FROM upserted WHERE NOT inserted) AND state = 'sent'
    RETURNING 1
  )
  SELECT u.id, u.status, u.dedup_key, u.inserted,
         (SELECT count(*) FROM (SELECT pg_notify($21, '')) AS signal
          WHERE EXISTS (SELECT 1 FROM new_deliveries) OR EXISTS (SELECT 1 FROM refreshed))::int AS notified,
         (SELECT count(*) FROM activity)::int AS recorded
  FROM upserted u`;

async function trigger(scope: WorkspaceScope, input: AlertTriggerInput): Promise<IngestResult> {
  const { routes, unroutedChannelId } = await routingConfig(scope.workspaceId);
  const { routes: matchedRoutes, channelIds: matched, channelRoutes } = matchRoutes(input, routes);
  // An alert no route matches is kept as unrouted, and still posted to the workspace's unrouted channel if set.
  const channelIds = matched.length === 0 && unroutedChannelId ? [unroutedChannelId] : matched;
  const templateIds = channelIds.map((channelId) => channelRoutes.get(channelId)?.templateId ?? null);
  const id = randomUUID();
  const dedupKey = input.dedupKey ?? id;
  const now = new Date();
  const actor = actorOf(scope);
  const { rows } = await sqlPool().query<UpsertRow>(INGEST_SQL, [
    id,
    scope.workspaceId,
    input.eventType,
    input.severity,
    input.title,
    input.description ?? null,
    JSON.stringify(input.fields),
    JSON.stringify(input.links),
    input.source ?? null,
    dedupKey,
    matched.length > 0,
    input.occurredAt ?? now,
    now,
    channelIds,
    templateIds,
    randomUUID(),
    actor.type,
    actor.id,
    actor.name,
    viaOf(scope),
    WORK_CHANNEL,
    matchedRoutes.map((route) => route.id),
  ]);
  const row = rows[0];
  return { id: row!.id, status: row!.status, dedupKey: row!.dedup_key, created: row!.inserted };
}

/** ingestAlert accepts one alert for the scoped workspace: a trigger, or an acknowledge/resolve by dedup key. */
export async function ingestAlert(scope: WorkspaceScope, input: AlertInput): Promise<IngestResult> {
  if (input.action === 'trigger') return trigger(scope, input);
  const alert = await changeAlertStatusByDedupKey(scope, input.dedupKey, input.action);
  return { id: alert.id, status: alert.status, dedupKey: alert.dedupKey, created: false };
}
