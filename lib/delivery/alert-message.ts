// Renders the Slack message of one alert for one delivery: the alert's current state, through the template
// of the route that sent it there.
import { renderAlertBlocks, type AlertActor, type RenderableAlert } from '../blocks/render-alert-blocks';
import type { Block } from '../blocks/block-kit';
import { db } from '../db';
import { env } from '../env';
import type { Alert } from '../generated/prisma/client';

function actorOf(value: unknown): AlertActor | null {
  if (!value || typeof value !== 'object') return null;
  const actor = value as { slackUserId?: string | null; name?: string; at?: string };
  return { slackUserId: actor.slackUserId ?? undefined, name: actor.name ?? 'someone', at: new Date(actor.at ?? 0) };
}

/** toRenderableAlert turns an alert row into what the renderer reads. */
export function toRenderableAlert(alert: Alert): RenderableAlert {
  return {
    id: alert.id,
    eventType: alert.eventType,
    severity: alert.severity,
    title: alert.title,
    description: alert.description,
    source: alert.source,
    fields: (alert.fields ?? {}) as RenderableAlert['fields'],
    links: (alert.links ?? []) as RenderableAlert['links'],
    occurrences: alert.occurrences,
    status: alert.status,
    occurredAt: alert.occurredAt,
    lastSeenAt: alert.lastSeenAt,
    acknowledgedBy: actorOf(alert.acknowledgedBy),
    resolvedBy: actorOf(alert.resolvedBy),
    snoozedUntil: alert.snoozedUntil,
  };
}

/** AlertMessage is a rendered message and the alert version it shows. */
export interface AlertMessage {
  text: string;
  blocks: Block[];
  renderedAt: Date;
}

/** renderDeliveryMessage loads the alert (and template) of a delivery and renders its message. */
export async function renderDeliveryMessage(delivery: { alertId: string; workspaceId: string; templateId: string | null }): Promise<AlertMessage> {
  const [alert, template] = await Promise.all([
    db().alert.findUniqueOrThrow({ where: { id: delivery.alertId } }),
    delivery.templateId ? db().template.findFirst({ where: { id: delivery.templateId, workspaceId: delivery.workspaceId } }) : null,
  ]);
  const message = renderAlertBlocks(toRenderableAlert(alert), (template?.blocks as Block[] | undefined) ?? null, {
    dashboardUrl: `${env().appUrl}/w/${delivery.workspaceId}`,
  });
  return { ...message, renderedAt: alert.updatedAt };
}
