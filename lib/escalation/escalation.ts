// Escalation: while an alert stays triggered (not acknowledged, resolved or snoozed), its route's policy
// notifies step by step. Each step is a timed job keyed by (alert, run, round, step), so it is scheduled once
// and fires once however many workers race or die; its notifications are a mention in every thread of the
// alert and a DM to each person (jobs of their own, so a Slack failure retries the DM, not the step). A run
// is one pass from the first step: reopening the alert or the end of a snooze starts a new run, and jobs of
// an older run find themselves stale.
import { db } from '../db';
import { env } from '../env';
import type { Alert, EscalationPolicy } from '../generated/prisma/client';
import type { Tx } from '../outbox/deliveries';
import { cancelJobs, hasPendingJob, runJobsNow, scheduleJob } from '../outbox/jobs';
import { enqueueAlertReplies } from '../outbox/replies';
import type { WorkKind } from '../outbox/signal';
import { whoIsOnCall, type ScheduleSpec } from '../oncall/on-call';
import { refreshingCache } from '../refreshing-cache';
import { specOf } from '../oncall/schedules';
import type { EscalationStep } from '../schemas/escalation-policy';
import { stepsOf } from './policies';

/** ESCALATION_STEP_JOB is the timed job of one step (lib/outbox/handlers/escalation-step.ts). */
export const ESCALATION_STEP_JOB = 'escalation-step';
/** ESCALATION_NOTIFY_JOB is the timed job of one DM or channel notice of a step (lib/outbox/handlers/escalation-notify.ts). */
export const ESCALATION_NOTIFY_JOB = 'escalation-notify';

/** StepPosition is where in its policy a step is: which run of the alert, which round of the policy, which step. */
export interface StepPosition {
  run: number;
  round: number;
  step: number;
}

/** stepKey is the unique job key of a step. */
export const stepKey = (alertId: string, at: StepPosition) => `${ESCALATION_STEP_JOB}:${alertId}:${at.run}:${at.round}:${at.step}`;

const MINUTE = 60_000;

/**
 * firstStepSql selects the first-step job of every alert a batch opened whose route has a policy, for
 * intakeJobsSql: `upserted` (id, workspace_id, inserted) and `input` (id, escalation_policy_id) are CTE names,
 * `now` a placeholder.
 */
export function firstStepSql(upserted: string, input: string, now: string): string {
  return `
    SELECT '${ESCALATION_STEP_JOB}' AS kind, '${ESCALATION_STEP_JOB}:' || u.id || ':0:0:0' AS key, u.workspace_id, u.id AS alert_id,
           ${now}::timestamptz + (p.steps->0->>'afterMinutes')::int * interval '1 minute' AS run_at,
           '{"run":0,"round":0,"step":0}'::jsonb AS payload
    FROM ${upserted} u JOIN ${input} i ON i.id = u.id
    JOIN escalation_policies p ON p.id = i.escalation_policy_id AND p.workspace_id = u.workspace_id
    WHERE u.inserted AND jsonb_array_length(p.steps) > 0`;
}

async function policyOf(tx: Tx, alert: Pick<Alert, 'workspaceId' | 'escalationPolicyId'>): Promise<EscalationPolicy | null> {
  if (!alert.escalationPolicyId) return null;
  return tx.escalationPolicy.findFirst({ where: { id: alert.escalationPolicyId, workspaceId: alert.workspaceId } });
}

async function scheduleStep(tx: Tx, alert: Pick<Alert, 'id' | 'workspaceId'>, at: StepPosition, runAt: Date): Promise<void> {
  await scheduleJob(tx, { kind: ESCALATION_STEP_JOB, key: stepKey(alert.id, at), runAt, workspaceId: alert.workspaceId, alertId: alert.id, payload: { ...at } });
}

/** stopEscalation cancels the alert's waiting steps (acknowledge, resolve, snooze). */
export async function stopEscalation(tx: Tx, alertId: string): Promise<void> {
  await cancelJobs(tx, alertId, [ESCALATION_STEP_JOB]);
}

/** restartEscalation starts a new run from the first step (reopen, end of a snooze); false without a policy. */
export async function restartEscalation(tx: Tx, alert: Alert, delay = true): Promise<boolean> {
  const policy = await policyOf(tx, alert);
  const first = policy ? stepsOf(policy)[0] : undefined;
  if (!first) return false;
  await stopEscalation(tx, alert.id);
  const run = alert.escalationRun + 1;
  const onCallUserId = await onCallForPolicy(alert.workspaceId, policy!.id);
  await tx.alert.update({ where: { id: alert.id }, data: { escalationRun: run, onCallUserId } });
  await scheduleStep(tx, alert, { run, round: 0, step: 0 }, new Date(Date.now() + (delay ? first.afterMinutes * MINUTE : 0)));
  return true;
}

/**
 * escalateNow runs the alert's next step now (the Escalate button): its waiting step comes forward; when the
 * policy has run out, a new run starts at its first step. When there is nothing to escalate, the reason
 * completes "this alert is …".
 */
export async function escalateNow(tx: Tx, alert: Alert): Promise<{ escalated: true } | { escalated: false; reason: string }> {
  if (alert.status !== 'triggered') return { escalated: false, reason: alert.status };
  if (!alert.escalationPolicyId) return { escalated: false, reason: 'not on an escalation policy' };
  if ((await runJobsNow(tx, alert.id, ESCALATION_STEP_JOB)) > 0 || (await hasPendingJob(tx, alert.id, ESCALATION_STEP_JOB))) return { escalated: true };
  return (await restartEscalation(tx, alert, false)) ? { escalated: true } : { escalated: false, reason: 'on an escalation policy without steps' };
}

/** Recipients are whom a step (or an "Add responders" request) notifies, resolved at the time it fires. */
export interface Recipients {
  users: string[];
  channels: string[];
  mentions: string[];
  /** What could not be resolved (a schedule with nobody on call), said in the timeline. */
  gaps: string[];
}

/** recipientsOf resolves a step's targets at `now`: the on-call person of each schedule, users, groups, channels, @here. */
export async function recipientsOf(tx: Tx, workspaceId: string, step: Pick<EscalationStep, 'targets'>, now: Date): Promise<Recipients> {
  const found: Recipients = { users: [], channels: [], mentions: [], gaps: [] };
  const addUser = (user: string) => {
    if (!found.users.includes(user)) {
      found.users.push(user);
      found.mentions.push(`<@${user}>`);
    }
  };
  for (const target of step.targets) {
    switch (target.type) {
      case 'schedule': {
        const schedule = await tx.schedule.findFirst({ where: { id: target.id, workspaceId } });
        const user = schedule ? whoIsOnCall(specOf(schedule), now).user : null;
        if (user) addUser(user);
        else found.gaps.push(schedule ? `nobody is on call for ${schedule.name}` : 'a schedule of this step was deleted');
        break;
      }
      case 'user':
        addUser(target.id);
        break;
      case 'user_group':
        found.mentions.push(`<!subteam^${target.id}>`);
        break;
      case 'channel':
        found.channels.push(target.id);
        found.mentions.push(`<#${target.id}>`);
        break;
      case 'here':
        found.mentions.push('<!here>');
        break;
    }
  }
  return found;
}

/**
 * notifyRecipients queues a DM to each person and a notice in each channel of `recipients` about the alert,
 * saying `why` (jobs of their own, keyed under `key`, so a Slack failure retries one notice, never the step).
 */
export async function notifyRecipients(tx: Tx, alert: Pick<Alert, 'id' | 'workspaceId' | 'severity' | 'title'>, recipients: Recipients, key: string, why: string, now: Date): Promise<void> {
  const link = `${env().appUrl}/w/${alert.workspaceId}/alerts/${alert.id}`;
  const notice = `:rotating_light: *${alert.severity}* alert ${why}: *${alert.title}*. <${link}|Open in Klaxon>`;
  const notices = [...recipients.users.map((user) => ({ user })), ...recipients.channels.map((channel) => ({ channel }))];
  for (const to of notices) {
    await scheduleJob(tx, {
      kind: ESCALATION_NOTIFY_JOB,
      key: `${key}:${'user' in to ? to.user : to.channel}`,
      runAt: now,
      workspaceId: alert.workspaceId,
      alertId: alert.id,
      payload: { ...to, text: notice },
    });
  }
}

/**
 * runEscalationStep fires one step inside the job's transaction: it notifies, records the step in the
 * timeline and schedules the next one. Nothing happens for a stale step (the alert was acknowledged, resolved,
 * snoozed or restarted since) — the work kinds it queued otherwise.
 */
export async function runEscalationStep(tx: Tx, alertId: string, at: StepPosition): Promise<WorkKind[]> {
  const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM alerts WHERE id = ${alertId} FOR UPDATE`;
  if (!locked) return [];
  const alert = await tx.alert.findUniqueOrThrow({ where: { id: alertId } });
  const now = new Date();
  if (alert.status !== 'triggered' || alert.escalationRun !== at.run || (alert.snoozedUntil && alert.snoozedUntil > now)) return [];
  const policy = await policyOf(tx, alert);
  const steps = policy ? stepsOf(policy) : [];
  const step = steps[at.step];
  if (!policy || !step) return [];

  const recipients = await recipientsOf(tx, alert.workspaceId, step, now);
  const label = `Escalation step ${at.step + 1} of ${steps.length}${at.round > 0 ? ` (repeat ${at.round} of ${policy.repeat})` : ''}`;
  const paged = recipients.mentions.length ? recipients.mentions.join(', ') : 'nobody';
  const gaps = recipients.gaps.length ? ` (${recipients.gaps.join('; ')})` : '';
  await tx.alertActivity.create({
    data: { workspaceId: alert.workspaceId, alertId, kind: 'escalated', actorType: 'system', actorName: 'Klaxon', via: 'system', note: `${label}: paged ${paged}${gaps}`, at: now },
  });
  await enqueueAlertReplies(tx, alert.workspaceId, alertId, `:rotating_light: ${label}: still not acknowledged — ${paged}${gaps}`);

  await notifyRecipients(tx, alert, recipients, stepKey(alertId, at), `not acknowledged (${label})`, now);

  const next = at.step + 1 < steps.length ? { ...at, step: at.step + 1 } : at.round < policy.repeat ? { run: at.run, round: at.round + 1, step: 0 } : null;
  if (next) await scheduleStep(tx, alert, next, new Date(now.getTime() + steps[next.step]!.afterMinutes * MINUTE));
  return ['job', 'reply'];
}

// Whom a policy pages first: its first schedule or user. Read on every alert its route escalates, so cached
// like routing (a change shows within a second here, at once after a local write is forgotten).
type FirstResponder = { user: string } | { schedule: ScheduleSpec } | { none: true };
const firstResponders = refreshingCache<string, FirstResponder>('escalationFirstResponder', {
  freshMs: 1_000,
  maxStaleMs: 10_000,
  maxEntries: 10_000,
  load: async (key) => {
    const [workspaceId, policyId] = key.split('\u0000') as [string, string];
    const policy = await policyOf(db(), { workspaceId, escalationPolicyId: policyId });
    const target = policy ? stepsOf(policy).flatMap((step) => step.targets).find((t) => t.type === 'schedule' || t.type === 'user') : undefined;
    if (target?.type === 'user') return { user: target.id };
    if (target?.type !== 'schedule') return { none: true };
    const schedule = await db().schedule.findFirst({ where: { id: target.id, workspaceId } });
    return schedule ? { schedule: specOf(schedule) } : { none: true };
  },
});

/** onCallForPolicy is who a policy pages first at `at` — "On call: @ada" on the alert's messages. */
export async function onCallForPolicy(workspaceId: string, policyId: string, at = new Date()): Promise<string | null> {
  const first = await firstResponders.get(`${workspaceId}\u0000${policyId}`);
  if (!first || 'none' in first) return null;
  return 'user' in first ? first.user : whoIsOnCall(first.schedule, at).user;
}
