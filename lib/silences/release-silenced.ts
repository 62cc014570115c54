// The end of a silence: the alerts it held that are still open are routed as they would be now and posted,
// unless another active silence matches them, which then holds them instead (its own end releases them).
// Resolved ones stay as they are: nobody needs to see them in Slack any more. A released alert still
// triggered starts its route's escalation now, as if it had just arrived: the silence kept people from being
// paged, not the alert from needing someone.
import { planDeliveries } from '../alerts/plan-deliveries';
import { restartEscalation } from '../escalation/escalation';
import type { Alert, Silence } from '../generated/prisma/client';
import { queueAlertPosts, type Tx } from '../outbox/deliveries';
import { findSilence } from './match-silence';

/** RELEASE_BATCH is how many held alerts one run releases; the job schedules the next run for the rest. */
export const RELEASE_BATCH = 500;

/** Released counts what one release run did. */
export interface Released {
  posted: number;
  stillHeld: number;
  /** True when more held alerts may remain beyond this batch. */
  more: boolean;
}

/**
 * releaseSilencedAlerts releases up to RELEASE_BATCH alerts held by the silence, if it still ends at `until`
 * (an end that moved since the job was scheduled has its own job); null when there is nothing to do.
 */
export async function releaseSilencedAlerts(tx: Tx, silenceId: string, until: Date, now = new Date()): Promise<Released | null> {
  const [silence] = await tx.$queryRaw<Silence[]>`SELECT id FROM silences WHERE id = ${silenceId} FOR UPDATE`;
  if (!silence) return null;
  const current = await tx.silence.findUniqueOrThrow({ where: { id: silenceId } });
  if (current.endsAt.getTime() !== until.getTime() || current.endsAt > now) return null;
  const { workspaceId } = current;
  const [routes, workspace, others] = await Promise.all([
    tx.route.findMany({ where: { workspaceId, enabled: true }, orderBy: { position: 'asc' } }),
    tx.workspace.findUnique({ where: { id: workspaceId }, select: { unroutedChannelId: true } }),
    tx.silence.findMany({ where: { workspaceId, endsAt: { gt: now }, startsAt: { lte: now } } }),
  ]);
  const held = await tx.$queryRaw<Array<Pick<Alert, 'id'>>>`
    SELECT id FROM alerts WHERE silence_id = ${silenceId} AND silenced AND workspace_id = ${workspaceId} AND status <> 'resolved'
    ORDER BY created_at, id LIMIT ${RELEASE_BATCH} FOR UPDATE SKIP LOCKED`;
  const alerts = await tx.alert.findMany({ where: { id: { in: held.map((row) => row.id) } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const config = { routes, unroutedChannelId: workspace?.unroutedChannelId ?? null };
  let posted = 0;
  let stillHeld = 0;
  for (const alert of alerts) {
    const fields = (alert.fields && typeof alert.fields === 'object' ? alert.fields : {}) as Record<string, unknown>;
    const other = findSilence({ ...alert, fields }, others, now);
    if (other) {
      await tx.alert.update({ where: { id: alert.id }, data: { silenceId: other.id } });
      stillHeld += 1;
      continue;
    }
    const plan = planDeliveries(alert, config);
    const escalationPolicyId = plan.routes.find((route) => route.escalationPolicyId)?.escalationPolicyId ?? null;
    const released = await tx.alert.update({ where: { id: alert.id }, data: { silenced: false, escalationPolicyId } });
    // Before the posts are queued, so that they carry "On call: …" (restartEscalation records who).
    if (released.status === 'triggered' && !(released.snoozedUntil && released.snoozedUntil > now)) await restartEscalation(tx, released);
    await queueAlertPosts(tx, alert, plan.deliveries);
    await tx.alertActivity.create({
      data: {
        workspaceId,
        alertId: alert.id,
        kind: 'unsilenced',
        actorType: 'system',
        actorName: 'Klaxon',
        via: 'system',
        note: plan.deliveries.length ? `Silence ended: posted to ${plan.deliveries.length} channel${plan.deliveries.length === 1 ? '' : 's'}` : 'Silence ended: no route sends it to a channel now',
        at: now,
      },
    });
    posted += plan.deliveries.length;
  }
  return { posted, stillHeld, more: held.length === RELEASE_BATCH };
}
