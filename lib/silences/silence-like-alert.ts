// The "Silence 1h" button of an alert message: a silence of new alerts with this alert's event type and
// source for an hour, made by whoever clicked, and said in the alert's threads so the channel knows why it
// goes quiet. The clicked alert itself is left as it is (it is already posted).
import type { Actor } from '../alerts/actor';
import { escapeMrkdwn } from '../blocks/escape-mrkdwn';
import { slackDate } from '../blocks/slack-date';
import { db } from '../db';
import { AppError } from '../errors';
import type { Silence } from '../generated/prisma/client';
import { enqueueReplies } from '../outbox/replies';
import { signalWork } from '../outbox/signal';
import { createSilenceBy } from './silences';

/** SLACK_SILENCE_MS is how long the button's silence lasts. */
export const SLACK_SILENCE_MS = 3_600_000;

/** silenceLikeAlert silences, for an hour from `now`, new alerts of a workspace like the given one. */
export async function silenceLikeAlert(workspaceId: string, alertId: string, actor: Actor, now = new Date()): Promise<Silence> {
  const alert = await db().alert.findFirst({ where: { id: alertId, workspaceId }, select: { id: true, eventType: true, source: true, title: true } });
  if (!alert) throw new AppError('not_found', 'No such alert.');
  const silence = await createSilenceBy(workspaceId, actor, {
    eventType: alert.eventType,
    severities: [],
    source: alert.source ?? undefined,
    fields: [],
    startsAt: now,
    endsAt: new Date(now.getTime() + SLACK_SILENCE_MS),
    comment: `Silenced from Slack on "${alert.title}"`.slice(0, 500),
  });
  const deliveries = await db().delivery.findMany({ where: { alertId: alert.id, workspaceId, state: { not: 'dead' } }, select: { id: true } });
  const who = actor.slackUserId ? `<@${actor.slackUserId}>` : actor.name;
  const what = `\`${alert.eventType}\`${alert.source ? ` from \`${escapeMrkdwn(alert.source.replace(/`/g, "'"))}\`` : ''}`;
  await enqueueReplies(db(), workspaceId, deliveries.map((delivery) => delivery.id), `Silenced for 1 hour by ${who}: new ${what} alerts are stored but not posted until ${slackDate(silence.endsAt)}.`);
  signalWork('reply');
  return silence;
}
