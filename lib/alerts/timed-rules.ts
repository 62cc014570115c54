// A route's timing rules for its alerts: auto-resolve (no occurrence for N minutes → resolved) and reminders
// (acknowledged but still open after N minutes → a reminder in its threads, or back to triggered). Each is a
// timed job with a unique key; the handlers (lib/outbox/handlers/auto-resolve.ts, reminder.ts) apply them.
import { restartEscalation } from '../escalation/escalation';
import { Prisma, type Alert, type Route } from '../generated/prisma/client';
import { refreshAlertMessages, type Tx } from '../outbox/deliveries';
import { scheduleJob } from '../outbox/jobs';
import { enqueueAlertReplies } from '../outbox/replies';
import type { WorkKind } from '../outbox/signal';

/** AUTO_RESOLVE_JOB resolves an alert that has not occurred again for its route's auto-resolve minutes. */
export const AUTO_RESOLVE_JOB = 'auto-resolve';
/** REMINDER_JOB reminds (or re-triggers) an acknowledged alert still open. */
export const REMINDER_JOB = 'reminder';

/**
 * autoResolveSql selects, for intakeJobsSql, one auto-resolve job per alert a batch opened or bumped whose
 * route resolves automatically: keyed by its occurrence count, so each occurrence has its own and only the
 * latest finds the alert unchanged. `upserted` (id, workspace_id, dedup_key, occurrences) and `input`
 * (workspace_id, dedup_key, auto_resolve_minutes) are CTE names, `now` a placeholder.
 */
export function autoResolveSql(upserted: string, input: string, now: string): string {
  return `
    SELECT '${AUTO_RESOLVE_JOB}' AS kind, '${AUTO_RESOLVE_JOB}:' || u.id || ':' || u.occurrences AS key, u.workspace_id, u.id AS alert_id,
           ${now}::timestamptz + i.auto_resolve_minutes::int * interval '1 minute' AS run_at,
           jsonb_build_object('occurrences', u.occurrences, 'minutes', i.auto_resolve_minutes::int) AS payload
    FROM ${upserted} u JOIN ${input} i ON i.workspace_id = u.workspace_id AND i.dedup_key = u.dedup_key
    WHERE i.auto_resolve_minutes IS NOT NULL`;
}

/** reminderRoute is the first of the alert's routes that reminds, if any. */
export async function reminderRoute(tx: Tx, alert: Pick<Alert, 'workspaceId' | 'routeIds'>): Promise<Route | null> {
  if (alert.routeIds.length === 0) return null;
  const routes = await tx.route.findMany({ where: { workspaceId: alert.workspaceId, id: { in: alert.routeIds }, reminderMinutes: { not: null } } });
  return alert.routeIds.map((id) => routes.find((route) => route.id === id)).find((route) => route !== undefined) ?? null;
}

/** scheduleReminder schedules the `count`-th reminder of an acknowledgement, if the alert's route reminds. */
export async function scheduleReminder(tx: Tx, alert: Alert, count = 1): Promise<void> {
  if (!alert.acknowledgedAt) return;
  const route = await reminderRoute(tx, alert);
  if (!route?.reminderMinutes) return;
  const ackAt = alert.acknowledgedAt.toISOString();
  await scheduleJob(tx, {
    kind: REMINDER_JOB,
    key: `${REMINDER_JOB}:${alert.id}:${ackAt}:${count}`,
    runAt: new Date(Date.now() + route.reminderMinutes * 60_000),
    workspaceId: alert.workspaceId,
    alertId: alert.id,
    payload: { acknowledgedAt: ackAt, count },
  });
}

/**
 * remindAlert runs the `count`-th reminder of an acknowledgement inside its job's transaction: nothing if the
 * alert was resolved, re-acknowledged or re-triggered since; else a reminder in its threads mentioning who
 * acknowledged it — and, if the route says so, the alert returns to triggered and escalates again; otherwise
 * the next reminder is scheduled. The kinds of work it queued.
 */
export async function remindAlert(tx: Tx, alertId: string, payload: { acknowledgedAt: string; count: number }): Promise<WorkKind[]> {
  await tx.$queryRaw`SELECT id FROM alerts WHERE id = ${alertId} FOR UPDATE`;
  const alert = await tx.alert.findUnique({ where: { id: alertId } });
  if (!alert || alert.status !== 'acknowledged' || alert.acknowledgedAt?.toISOString() !== payload.acknowledgedAt) return [];
  const route = await reminderRoute(tx, alert);
  if (!route?.reminderMinutes) return [];
  const by = (alert.acknowledgedBy as { slackUserId?: string | null; name?: string } | null) ?? {};
  const who = by.slackUserId ? `<@${by.slackUserId}>` : (by.name ?? 'someone');
  const hours = Math.round(((Date.now() - alert.acknowledgedAt.getTime()) / 3_600_000) * 10) / 10;
  const retrigger = route.reminderRetrigger;
  const text = `:alarm_clock: Reminder: acknowledged by ${who} ${hours} h ago and still open.${retrigger ? ' Back to triggered: escalating again.' : ''}`;
  await tx.alertActivity.create({
    data: { workspaceId: alert.workspaceId, alertId, kind: retrigger ? 'reopened' : 'comment', actorType: 'system', actorName: 'Klaxon', via: 'system', note: text },
  });
  await enqueueAlertReplies(tx, alert.workspaceId, alertId, text);
  if (!retrigger) {
    await scheduleReminder(tx, alert, payload.count + 1);
    return ['reply', 'job'];
  }
  const triggered = await tx.alert.update({ where: { id: alertId }, data: { status: 'triggered', acknowledgedAt: null, acknowledgedBy: Prisma.DbNull } });
  await refreshAlertMessages(tx, alertId);
  await restartEscalation(tx, triggered, false);
  return ['update', 'reply', 'job'];
}
