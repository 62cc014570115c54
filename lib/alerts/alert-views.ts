// Read views of alerts: the REST API's (one alert with its deliveries and timeline, filtered, cursor-paginated
// lists) and Slack's (the open alerts of App Home and `/klaxon list`). Every query is scoped to one workspace.
import type { WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';
import { jobsOfAlert, type AlertJob } from '../outbox/jobs';
import type { Alert, AlertActivity, AlertStatus, Delivery, Prisma } from '../generated/prisma/client';
import type { AlertListQuery } from '../schemas/alert';

/** alertJson renders an alert in the API's snake_case shape. */
export function alertJson(alert: Alert) {
  return {
    id: alert.id,
    status: alert.status,
    event_type: alert.eventType,
    severity: alert.severity,
    title: alert.title,
    description: alert.description,
    source: alert.source,
    dedup_key: alert.dedupKey,
    fields: alert.fields,
    links: alert.links,
    occurrences: alert.occurrences,
    routed: alert.routed,
    occurred_at: alert.occurredAt,
    last_seen_at: alert.lastSeenAt,
    acknowledged_at: alert.acknowledgedAt,
    resolved_at: alert.resolvedAt,
    snoozed_until: alert.snoozedUntil,
    silenced: alert.silenced,
    silence_id: alert.silenceId,
    created_at: alert.createdAt,
  };
}

function deliveryJson(delivery: Delivery) {
  return {
    id: delivery.id,
    channel: delivery.channelId,
    state: delivery.state,
    ts: delivery.messageTs,
    attempts: delivery.attempts,
    last_error: delivery.lastError,
    sent_at: delivery.sentAt,
    next_attempt_at: delivery.state === 'pending' || delivery.state === 'failed' ? delivery.nextAttemptAt : null,
    digest_id: delivery.digestId,
    group_id: delivery.groupId,
  };
}

function activityJson(activity: AlertActivity) {
  return {
    kind: activity.kind,
    actor: activity.actorId,
    actor_type: activity.actorType,
    actor_name: activity.actorName,
    via: activity.via,
    note: activity.note,
    at: activity.at,
  };
}

function jobJson(job: AlertJob) {
  return { kind: job.kind, run_at: job.runAt, state: job.state, attempts: job.attempts, last_error: job.lastError, finished_at: job.finishedAt };
}

/** getAlertDetail returns one alert of the scoped workspace with its deliveries, activity timeline and timed jobs. */
export async function getAlertDetail(scope: WorkspaceScope, id: string) {
  const alert = await db().alert.findFirst({
    where: { id, workspaceId: scope.workspaceId },
    include: { deliveries: { orderBy: { createdAt: 'asc' } }, activity: { orderBy: { at: 'asc' } } },
  });
  if (!alert) throw new AppError('not_found', 'No such alert.');
  const jobs = await jobsOfAlert(scope.workspaceId, alert.id);
  return { ...alertJson(alert), deliveries: alert.deliveries.map(deliveryJson), activity: alert.activity.map(activityJson), jobs: jobs.map(jobJson) };
}

function encodeCursor(alert: Alert): string {
  return Buffer.from(`${alert.createdAt.toISOString()}|${alert.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('invalid_request', 'cursor: is not a cursor this API returned');
  return { createdAt, id };
}

/** alertListWhere turns a list query into a workspace-scoped filter (shared with the dashboard). */
export function alertListWhere(scope: WorkspaceScope, query: Omit<AlertListQuery, 'limit' | 'cursor'>): Prisma.AlertWhereInput {
  return {
    workspaceId: scope.workspaceId,
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.severity?.length ? { severity: { in: query.severity } } : {}),
    ...(query.eventType?.length ? { eventType: { in: query.eventType } } : {}),
    ...(query.since || query.until ? { createdAt: { ...(query.since ? { gte: query.since } : {}), ...(query.until ? { lte: query.until } : {}) } } : {}),
    ...(query.silenced !== undefined ? { silenced: query.silenced } : {}),
    ...(query.digest ? { deliveries: { some: { digestId: query.digest } } } : {}),
    ...(query.group ? { deliveries: { some: { groupId: query.group } } } : {}),
    ...(query.q ? { OR: [{ title: { contains: query.q, mode: 'insensitive' } }, { dedupKey: query.q }] } : {}),
  };
}

/** listAlerts returns a page of the scoped workspace's alerts, newest first, and the cursor of the next page. */
export async function listAlerts(scope: WorkspaceScope, query: AlertListQuery) {
  const where = alertListWhere(scope, query);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db().alert.findMany({
    where: after
      ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
      : where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { alerts: page.map(alertJson), next_cursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null };
}

/** OPEN_STATUSES are the statuses of an alert someone still has to act on. */
const OPEN_STATUSES: AlertStatus[] = ['triggered', 'acknowledged'];

/** listOpenAlerts returns a workspace's triggered and acknowledged alerts, newest first (App Home, `/klaxon list`). */
export function listOpenAlerts(workspaceId: string, limit: number): Promise<Alert[]> {
  return db().alert.findMany({ where: { workspaceId, status: { in: OPEN_STATUSES } }, orderBy: { createdAt: 'desc' }, take: limit });
}
