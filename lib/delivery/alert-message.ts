// Renders the Slack message of one alert for one delivery: the alert's current state, through the template
// of the route that sent it there. Everything it reads comes with the claimed delivery (no query here).
import { renderAlertBlocks, type AlertActor, type RenderableAlert } from '../blocks/render-alert-blocks';
import type { Block } from '../blocks/block-kit';
import { env } from '../env';
import type { MessageSource } from '../outbox/deliveries';

// Who acknowledged or resolved, as stored on the alert (JSON), for the status line.
function renderedActor(value: unknown): AlertActor | null {
  if (!value || typeof value !== 'object') return null;
  const actor = value as { slackUserId?: string | null; name?: string; at?: string };
  return { slackUserId: actor.slackUserId ?? undefined, name: actor.name ?? 'someone', at: new Date(actor.at ?? 0) };
}

/** toRenderableAlert turns a stored alert into what the renderer reads. */
export function toRenderableAlert(alert: MessageSource['alert']): RenderableAlert {
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
    acknowledgedBy: renderedActor(alert.acknowledgedBy),
    resolvedBy: renderedActor(alert.resolvedBy),
    snoozedUntil: alert.snoozedUntil,
    onCallUserId: alert.onCallUserId ?? null,
    escalates: alert.escalates ?? false,
  };
}

/** AlertMessage is a rendered message and the alert version it shows. */
export interface AlertMessage {
  text: string;
  blocks: Block[];
  renderedAt: Date;
}

/** renderDeliveryMessage renders the message of a claimed delivery. */
export function renderDeliveryMessage(source: MessageSource): AlertMessage {
  const message = renderAlertBlocks(toRenderableAlert(source.alert), (source.templateBlocks as Block[] | null) ?? null, {
    dashboardUrl: `${env().appUrl}/w/${source.workspaceId}`,
  });
  return { ...message, renderedAt: source.alert.updatedAt };
}
