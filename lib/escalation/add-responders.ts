// "Add responders…": someone pages more people on an open alert now, outside its escalation policy — a person
// or whoever is on call for a schedule. They are notified as an escalation step notifies (a DM each and a
// mention in every thread of the alert), and the request is an entry of the alert's timeline.
import { timeOrderedId } from '../ids';
import type { Actor } from '../alerts/actor';
import { db } from '../db';
import { AppError } from '../errors';
import type { Via } from '../generated/prisma/client';
import { enqueueAlertReplies } from '../outbox/replies';
import { signalWork } from '../outbox/signal';
import { notifyRecipients, recipientsOf } from './escalation';

/** ResponderRequest names whom to page: Slack users and schedules (their on-call person at the time). */
export interface ResponderRequest {
  workspaceId: string;
  alertId: string;
  actor: Actor;
  via: Via;
  users: string[];
  scheduleIds: string[];
}

/** addResponders pages the requested people about an open alert now; it says whom it paged (mentions). */
export async function addResponders(request: ResponderRequest): Promise<{ paged: string[]; gaps: string[] }> {
  if (request.users.length + request.scheduleIds.length === 0) throw new AppError('invalid_request', 'Choose a person or a schedule to page.');
  const result = await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM alerts WHERE id = ${request.alertId} AND workspace_id = ${request.workspaceId} FOR UPDATE`;
    if (!locked) throw new AppError('not_found', 'No such alert.');
    const alert = await tx.alert.findUniqueOrThrow({ where: { id: locked.id } });
    if (alert.status === 'resolved') throw new AppError('conflict', 'This alert is already resolved.');
    const now = new Date();
    const targets = [...request.users.map((id) => ({ type: 'user' as const, id })), ...request.scheduleIds.map((id) => ({ type: 'schedule' as const, id }))];
    const recipients = await recipientsOf(tx, alert.workspaceId, { targets }, now);
    const paged = recipients.mentions.length ? recipients.mentions.join(', ') : 'nobody';
    const gaps = recipients.gaps.length ? ` (${recipients.gaps.join('; ')})` : '';
    const by = request.actor.slackUserId ? `<@${request.actor.slackUserId}>` : request.actor.name;
    const activityId = timeOrderedId();
    await tx.alertActivity.create({
      data: {
        id: activityId,
        workspaceId: alert.workspaceId,
        alertId: alert.id,
        kind: 'escalated',
        actorType: request.actor.type,
        actorId: request.actor.slackUserId ?? request.actor.id,
        actorName: request.actor.name,
        via: request.via,
        note: `Added responders: paged ${paged}${gaps}`,
        at: now,
      },
    });
    await enqueueAlertReplies(tx, alert.workspaceId, alert.id, `:rotating_light: ${by} added responders: ${paged}${gaps}`);
    // Keyed by the request, so each request pages once however often its jobs are retried.
    await notifyRecipients(tx, alert, recipients, `responders:${alert.id}:${activityId}`, `needs you (added as a responder by ${by})`, now);
    return { paged: recipients.mentions, gaps: recipients.gaps };
  });
  signalWork('job', 'reply');
  return result;
}
