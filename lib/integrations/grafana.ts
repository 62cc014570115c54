// Grafana Alerting's webhook contact point (`version: "1"`): an Alertmanager-shaped notification whose alerts
// also carry dashboard, panel and silence URLs (link buttons) and the values of the rule's queries (fields).
import { z } from 'zod';
import type { AlertInput } from '../schemas/alert';
import { groupAlerts, groupAlertSchema, type GroupOptions } from './alertmanager';

const grafanaAlertSchema = groupAlertSchema.extend({
  silenceURL: z.string().optional(),
  dashboardURL: z.string().optional(),
  panelURL: z.string().optional(),
  values: z.record(z.string(), z.unknown()).nullish(),
});

/** grafanaNotificationSchema is the webhook body; unknown keys (title, message, state, orgId…) are allowed. */
export const grafanaNotificationSchema = z.object({
  version: z.literal('1', { error: 'must be "1" (the Grafana webhook format)' }),
  truncatedAlerts: z.number().int().min(0).default(0),
  receiver: z.string().optional(),
  groupKey: z.string().optional(),
  alerts: z.array(grafanaAlertSchema).max(1_000, 'must have at most 1000 alerts'),
});

/** grafanaAlerts maps a Grafana notification to Klaxon alert inputs; each query value becomes a field `value <ref>`. */
export function grafanaAlerts(notification: z.output<typeof grafanaNotificationSchema>, options: GroupOptions = {}): AlertInput[] {
  return groupAlerts(
    notification,
    {
      name: 'Grafana',
      links: (alert) => [
        { text: 'Dashboard', url: alert.dashboardURL },
        { text: 'Panel', url: alert.panelURL },
        { text: 'Silence', url: alert.silenceURL },
      ],
      fields: (alert) => Object.fromEntries(Object.entries(alert.values ?? {}).map(([ref, value]) => [`value ${ref}`, value])),
    },
    options,
  );
}
