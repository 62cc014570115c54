// Prometheus Alertmanager's webhook notification (`version: "4"`, as documented for webhook_config) onto Klaxon
// alerts: one per entry of `alerts[]`, the fingerprint as dedup key, `status: resolved` resolving it. Grafana's
// webhook contact point sends the same notification with more per alert (grafana.ts).
import { z } from 'zod';
import type { AlertInput } from '../schemas/alert';
import { statusChangeOf, triggerOf } from './alert-shape';
import type { SeverityMap } from './severity';

const labelsSchema = z.record(z.string(), z.string()).default({});

/** groupAlertSchema is one entry of `alerts[]`. */
export const groupAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelsSchema,
  annotations: labelsSchema,
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1, 'must not be empty'),
});

/** alertmanagerNotificationSchema is the webhook body; unknown keys are allowed (newer Alertmanagers add some). */
export const alertmanagerNotificationSchema = z.object({
  version: z.literal('4', { error: 'must be "4" (the Alertmanager webhook format)' }),
  groupKey: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  externalURL: z.string().optional(),
  alerts: z.array(groupAlertSchema).max(1_000, 'must have at most 1000 alerts'),
});

/** AlertmanagerNotification is a validated webhook body. */
export type AlertmanagerNotification = z.output<typeof alertmanagerNotificationSchema>;

/** GroupOptions are an integration's choices: which label names the event type, and its severity words. */
export interface GroupOptions {
  eventTypeLabel?: string;
  severityMap?: SeverityMap;
}

/** GroupFormat is what a tool sending Alertmanager-shaped notifications adds per alert. */
export interface GroupFormat<A> {
  name: string;
  links?: (alert: A) => Array<{ text: string; url: unknown }>;
  fields?: (alert: A) => Record<string, unknown>;
}

type GroupAlert = z.output<typeof groupAlertSchema>;

const OWN_LABELS = new Set(['severity']);

/** groupAlerts maps a notification to Klaxon alert inputs, in the order of `alerts[]`. */
export function groupAlerts<A extends GroupAlert>(
  notification: { alerts: A[]; truncatedAlerts: number; receiver?: string | undefined; groupKey?: string | undefined },
  format: GroupFormat<A>,
  options: GroupOptions = {},
): AlertInput[] {
  const eventTypeLabel = options.eventTypeLabel ?? 'alertname';
  const truncated = notification.truncatedAlerts > 0 ? { 'truncated alerts': `${notification.truncatedAlerts} more alerts of this group were not sent by ${format.name}` } : {};
  const source = notification.receiver ? `${format.name.toLowerCase()}/${notification.receiver}` : format.name.toLowerCase();
  return notification.alerts.map((alert) => {
    if (alert.status === 'resolved') return statusChangeOf('resolve', alert.fingerprint);
    const labels = Object.fromEntries(Object.entries(alert.labels).filter(([name]) => !OWN_LABELS.has(name) && name !== eventTypeLabel));
    return triggerOf({
      eventType: alert.labels[eventTypeLabel],
      fallbackEventType: format.name.toLowerCase(),
      severity: alert.labels.severity,
      ...(options.severityMap ? { severityMap: options.severityMap } : {}),
      title: alert.annotations.summary ?? alert.labels.alertname,
      description: alert.annotations.description,
      dedupKey: alert.fingerprint,
      // Kept so that a route can give the notification's group one message, as Alertmanager groups it.
      groupKey: notification.groupKey,
      source,
      occurredAt: alert.startsAt,
      links: [{ text: 'Runbook', url: alert.annotations.runbook_url }, { text: 'Source', url: alert.generatorURL }, ...(format.links?.(alert) ?? [])],
      fields: { ...truncated, ...labels, ...format.fields?.(alert) },
    });
  });
}

/** alertmanagerAlerts maps an Alertmanager notification to Klaxon alert inputs. */
export function alertmanagerAlerts(notification: AlertmanagerNotification, options: GroupOptions = {}): AlertInput[] {
  return groupAlerts(notification, { name: 'Alertmanager' }, options);
}
