// One place that turns a body of any integration kind into Klaxon alert inputs with that integration's settings
// (event type label, severity map, field mapping): the intake endpoints and the dashboard's test event share it,
// so a test event takes exactly the path a real one does.
import type { AlertInput } from '../schemas/alert';
import type { IntegrationKind } from '../schemas/integration';
import { alertmanagerAlerts, alertmanagerNotificationSchema, type GroupOptions } from './alertmanager';
import { grafanaAlerts, grafanaNotificationSchema } from './grafana';
import type { IntegrationConfig } from './intake-settings';
import { opsgenieAlert, opsgenieCreateSchema } from './opsgenie';
import { pagerDutyAlert, pagerDutyEventSchema } from './pagerduty';
import { snsEnvelopeOf, snsMessageOf } from './sns';
import { mapWebhookBody } from './webhook-mapping';

/** PayloadSettings are the parts of an integration a mapping reads (none for a plain API key). */
export type PayloadSettings = Pick<IntegrationConfig, 'eventTypeLabel' | 'severityMap' | 'mapping' | 'name'>;

function groupOptions(settings: PayloadSettings | null): GroupOptions {
  return {
    ...(settings?.eventTypeLabel ? { eventTypeLabel: settings.eventTypeLabel } : {}),
    ...(settings?.severityMap ? { severityMap: settings.severityMap } : {}),
  };
}

/** alertInputsOf validates a body of `kind` (throwing the format's validation error) and maps it with `settings`. */
export function alertInputsOf(kind: IntegrationKind, body: unknown, settings: PayloadSettings | null): AlertInput[] {
  switch (kind) {
    case 'alertmanager':
      return alertmanagerAlerts(alertmanagerNotificationSchema.parse(body), groupOptions(settings));
    case 'grafana':
      return grafanaAlerts(grafanaNotificationSchema.parse(body), groupOptions(settings));
    case 'pagerduty':
      return [pagerDutyAlert(pagerDutyEventSchema.parse(body))];
    case 'opsgenie':
      return [opsgenieAlert(opsgenieCreateSchema.parse(body), settings?.severityMap)];
    case 'webhook': {
      // Behind Amazon SNS, the publisher's message is what the mapping is for.
      const envelope = snsEnvelopeOf(body, null);
      const message = envelope?.Type === 'Notification' ? snsMessageOf(envelope) : body;
      return [mapWebhookBody(message, settings?.mapping ?? { title: '{{title}}' }, { name: settings?.name ?? 'webhook', ...(settings?.severityMap ? { severityMap: settings.severityMap } : {}) })];
    }
  }
}
