// Status changes of an alert — from the REST API, Slack buttons, the dashboard and timed jobs alike: one
// transition table, one activity record, and every message of the alert marked for a chat.update plus a
// thread reply, queued in the same transaction as the change.
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma, type ActivityKind, type ActorType, type Alert, type Via } from '../generated/prisma/client';
import { refreshAlertMessages, type Tx } from '../outbox/deliveries';
import { cancelJobs, scheduleJob } from '../outbox/jobs';
import { enqueueReactions, enqueueReplies, type ReplyWeight } from '../outbox/replies';
import { PERMALINK_PLACEHOLDER } from '../delivery/slack-messages';
import { signalWork } from '../outbox/signal';
import { escalateNow, restartEscalation, stopEscalation } from '../escalation/escalation';
import { actorOf, viaOf, type Actor } from './actor';
import { snoozedUntilText } from './snooze';
import { AUTO_RESOLVE_JOB, REMINDER_JOB, scheduleReminder } from './timed-rules';
import { noteOverviewChange } from '../workspaces/overview-changes';

/** StatusAction is something a person can do to an alert. */
export type StatusAction = 'acknowledge' | 'resolve' | 'reopen' | 'snooze';

/** SNOOZE_MS is how long Snooze lasts; when it ends, the alert's messages and threads say so. */
export const SNOOZE_MS = 60 * 60 * 1000;

/** SNOOZE_EXPIRY_JOB is the timed job that ends a snooze (lib/outbox/handlers/snooze-expiry.ts). */
export const SNOOZE_EXPIRY_JOB = 'snooze-expiry';

/** StatusChange is the outcome: the alert afterwards, and whether anything changed (and why not). */
export interface StatusChange {
  alert: Alert;
  changed: boolean;
  unchangedReason?: string;
}

const KIND: Record<StatusAction, ActivityKind> = { acknowledge: 'acknowledged', resolve: 'resolved', reopen: 'reopened', snooze: 'snoozed' };

function transition(alert: Alert, action: StatusAction, actor: Actor, now: Date, snoozeUntil?: Date): Prisma.AlertUpdateInput | string {
  const by = { slackUserId: actor.slackUserId ?? null, name: actor.name, at: now.toISOString() };
  switch (action) {
    case 'acknowledge':
      if (alert.status !== 'triggered') return `already ${alert.status}`;
      return { status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: by };
    case 'resolve':
      if (alert.status === 'resolved') return 'already resolved';
      return { status: 'resolved', resolvedAt: now, resolvedBy: by, openDedupKey: null, snoozedUntil: null };
    case 'reopen':
      if (alert.status !== 'resolved') return `not resolved (it is ${alert.status})`;
      return { status: 'triggered', openDedupKey: alert.dedupKey, resolvedAt: null, resolvedBy: Prisma.DbNull, acknowledgedAt: null, acknowledgedBy: Prisma.DbNull };
    case 'snooze':
      if (alert.status === 'resolved') return 'already resolved';
      return { snoozedUntil: snoozeUntil && snoozeUntil > now ? snoozeUntil : new Date(now.getTime() + SNOOZE_MS) };
  }
}

/** formatDuration says how long something took, to the minute past an hour: "1 h 23 min", "4 min", "35 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function replyText(action: StatusAction, actor: Actor, via: Via, note: string | undefined, alert: Alert, now: Date, snoozedUntil: Date | null): string {
  const who = actor.slackUserId ? `<@${actor.slackUserId}>` : `${actor.name}${via === 'api' ? ' (API)' : ''}`;
  const verb = { acknowledge: 'Acknowledged', resolve: 'Resolved', reopen: 'Reopened', snooze: snoozedUntil ? snoozedUntilText(snoozedUntil) : 'Snoozed' }[action];
  const text = `${verb} by ${who}${note ? `: ${note}` : ''}`;
  // A resolution says how long it took and links to the message, to paste into a postmortem or a handover.
  if (action === 'resolve') return `${text} · resolved in ${formatDuration(now.getTime() - alert.createdAt.getTime())} · <${PERMALINK_PLACEHOLDER}|link to this alert>`;
  return text;
}

/** RESOLVED_REACTION is the emoji added to every message of an alert when it is resolved. */
export const RESOLVED_REACTION = 'white_check_mark';

/** StatusChangeRequest is an action on one alert of a workspace, by someone, through some channel. */
export interface StatusChangeRequest {
  workspaceId: string;
  alertId: string;
  action: StatusAction;
  actor: Actor;
  via: Via;
  note?: string;
  /** For snooze: when it ends (default: in SNOOZE_MS). */
  snoozeUntil?: Date;
}

/**
 * changeAlertStatus applies an action to one alert of a workspace. It is idempotent: an action that does not
 * apply (a second acknowledge, anything but reopen on a resolved alert) changes nothing and says why.
 */
export async function changeAlertStatus(params: StatusChangeRequest): Promise<StatusChange> {
  const change = await db().$transaction((tx) => applyStatusChange(tx, params));
  if (change.changed) {
    signalWork('update', 'reply', 'job');
    noteOverviewChange(params.workspaceId);
  }
  return change;
}

/** applyStatusChange is changeAlertStatus inside a transaction of the caller's (a timed job's); the caller signals the work. */
export async function applyStatusChange(tx: Tx, params: StatusChangeRequest): Promise<StatusChange> {
  const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM alerts WHERE id = ${params.alertId} AND workspace_id = ${params.workspaceId} FOR UPDATE`;
  if (!locked) throw new AppError('not_found', 'No such alert.');
  const alert = await tx.alert.findUniqueOrThrow({ where: { id: locked.id } });
  const now = new Date();
  const update = transition(alert, params.action, params.actor, now, params.snoozeUntil);
  if (typeof update === 'string') return { alert, changed: false, unchangedReason: update };
  if (params.action === 'reopen') {
    const clash = await tx.alert.findFirst({ where: { workspaceId: alert.workspaceId, openDedupKey: alert.dedupKey } });
    if (clash) throw new AppError('conflict', `Another open alert (${clash.id}) has this dedup key; resolve it first.`);
  }
  const updated = await tx.alert.update({ where: { id: alert.id }, data: update });
  await recordChange(tx, updated, {
    kind: KIND[params.action],
    actorType: params.actor.type,
    actorId: params.actor.slackUserId ?? params.actor.id,
    actorName: params.actor.name,
    via: params.via,
    note: params.note,
    at: now,
    reply: replyText(params.action, params.actor, params.via, params.note, alert, now, updated.snoozedUntil),
    weight: params.action === 'snooze' ? 'event' : 'status',
    reaction: params.action === 'resolve' ? RESOLVED_REACTION : undefined,
  });
  if (updated.snoozedUntil && params.action === 'snooze') {
    await scheduleJob(tx, {
      kind: SNOOZE_EXPIRY_JOB,
      key: `${SNOOZE_EXPIRY_JOB}:${alert.id}:${updated.snoozedUntil.toISOString()}`,
      runAt: updated.snoozedUntil,
      workspaceId: alert.workspaceId,
      alertId: alert.id,
      payload: { until: updated.snoozedUntil.toISOString() },
    });
  }
  if (params.action === 'resolve') await cancelJobs(tx, alert.id, [SNOOZE_EXPIRY_JOB, REMINDER_JOB, AUTO_RESOLVE_JOB]);
  if (params.action === 'acknowledge') await scheduleReminder(tx, updated);
  // Escalation pages only while nobody has taken the alert: reopening it starts over from the first step.
  if (params.action === 'reopen') await restartEscalation(tx, updated);
  else await stopEscalation(tx, alert.id);
  return { alert: updated, changed: true };
}

interface ChangeRecord {
  kind: ActivityKind;
  actorType: ActorType;
  actorId: string | null;
  actorName: string;
  via: Via;
  note?: string;
  at: Date;
  /** The thread reply under every message of the alert (where its route's thread verbosity wants it). */
  reply: string;
  weight: ReplyWeight;
  /** A reaction added to every message of the alert. */
  reaction?: string;
}

// Every change leaves an activity record, refreshes every message of the alert and replies in each thread.
async function recordChange(tx: Tx, alert: Alert, change: ChangeRecord): Promise<void> {
  await tx.alertActivity.create({
    data: {
      workspaceId: alert.workspaceId,
      alertId: alert.id,
      kind: change.kind,
      actorType: change.actorType,
      actorId: change.actorId,
      actorName: change.actorName,
      via: change.via,
      note: change.note,
      at: change.at,
    },
  });
  const deliveryIds = await refreshAlertMessages(tx, alert.id);
  await enqueueReplies(tx, alert.workspaceId, deliveryIds, change.reply, change.weight);
  if (change.reaction) await enqueueReactions(tx, alert.workspaceId, deliveryIds, change.reaction);
}

/**
 * endSnooze ends an alert's snooze that was set to end at `until` (the snooze-expiry job); false when the
 * alert was resolved, re-snoozed or woken since, so there is nothing to end.
 */
export async function endSnooze(tx: Tx, alertId: string, until: Date): Promise<boolean> {
  const [alert] = await tx.$queryRaw<Alert[]>`SELECT id FROM alerts WHERE id = ${alertId} FOR UPDATE`;
  if (!alert) return false;
  const current = await tx.alert.findUniqueOrThrow({ where: { id: alertId } });
  if (current.status === 'resolved' || current.snoozedUntil?.getTime() !== until.getTime()) return false;
  const updated = await tx.alert.update({ where: { id: alertId }, data: { snoozedUntil: null } });
  // The alert comes back to the people who put it aside and who is on call for it: mention them.
  const snoozer = await tx.alertActivity.findFirst({ where: { alertId, kind: 'snoozed', actorType: 'slack_user' }, orderBy: { at: 'desc' }, select: { actorId: true } });
  const mentions = [...new Set([snoozer?.actorId, updated.onCallUserId].filter((id): id is string => Boolean(id)))].map((id) => `<@${id}>`);
  await recordChange(tx, updated, {
    kind: 'snooze_ended',
    actorType: 'system',
    actorId: null,
    actorName: 'Klaxon',
    via: 'system',
    at: new Date(),
    reply: `Snooze ended: this alert is still ${updated.status}.${mentions.length ? ` ${mentions.join(' ')}` : ''}`,
    weight: 'event',
  });
  // Nobody took it while it slept: escalation resumes from the first step, at once.
  if (updated.status === 'triggered') await restartEscalation(tx, updated, false);
  return true;
}

/**
 * escalateAlert runs an alert's next escalation step now (the Escalate button): recorded in its timeline with
 * who asked; unchanged, with the reason, when there is nothing to escalate.
 */
export async function escalateAlert(params: { workspaceId: string; alertId: string; actor: Actor; via: Via }): Promise<StatusChange> {
  const change = await db().$transaction(async (tx): Promise<StatusChange> => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM alerts WHERE id = ${params.alertId} AND workspace_id = ${params.workspaceId} FOR UPDATE`;
    if (!locked) throw new AppError('not_found', 'No such alert.');
    const alert = await tx.alert.findUniqueOrThrow({ where: { id: locked.id } });
    const outcome = await escalateNow(tx, alert);
    if (!outcome.escalated) return { alert, changed: false, unchangedReason: outcome.reason };
    await tx.alertActivity.create({
      data: {
        workspaceId: alert.workspaceId,
        alertId: alert.id,
        kind: 'escalated',
        actorType: params.actor.type,
        actorId: params.actor.slackUserId ?? params.actor.id,
        actorName: params.actor.name,
        via: params.via,
        note: 'Escalated now: the next step runs at once',
      },
    });
    return { alert, changed: true };
  });
  if (change.changed) signalWork('job');
  return change;
}

/** changeAlertStatusFor applies an action on behalf of a scoped caller (dashboard admin or API key); a snooze ends at `snoozeUntil`. */
export async function changeAlertStatusFor(scope: WorkspaceScope, alertId: string, action: StatusAction, note?: string, snoozeUntil?: Date): Promise<StatusChange> {
  assertAdmin(scope);
  return changeAlertStatus({ workspaceId: scope.workspaceId, alertId, action, actor: actorOf(scope), via: viaOf(scope), note, snoozeUntil });
}

/** changeAlertStatusByDedupKey acknowledges or resolves the open alert with a dedup key (PagerDuty semantics). */
export async function changeAlertStatusByDedupKey(scope: WorkspaceScope, dedupKey: string, action: 'acknowledge' | 'resolve'): Promise<Alert> {
  const open = await db().alert.findFirst({ where: { workspaceId: scope.workspaceId, openDedupKey: dedupKey }, select: { id: true } });
  if (!open) throw new AppError('not_found', `No open alert has dedup_key "${dedupKey}".`);
  return (await changeAlertStatusFor(scope, open.id, action)).alert;
}

