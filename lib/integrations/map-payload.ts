// One place that turns a body of any integration kind into Klaxon alert inputs with that integration's settings
// (event type label, severity map, field mapping): the intake endpoints and the dashboard's test event share it,
// so a test event takes exactly the path a real one does.
import { ZodError } from 'zod';
import { AppError } from '../errors';
import type { AlertInput } from '../schemas/alert';
import { formatZodError, ordinal } from '../schemas/format-zod-error';
import type { IntegrationKind } from '../schemas/integration';
import { alertmanagerAlerts, alertmanagerNotificationSchema, type GroupOptions } from './alertmanager';
import { grafanaAlerts, grafanaNotificationSchema } from './grafana';
import type { IntegrationConfig } from './intake-settings';
import { opsgenieAlert, opsgenieCreateSchema } from './opsgenie';
import { pagerDutyAlert, pagerDutyEventSchema } from './pagerduty';
import { snsEnvelopeOf, snsMessageOf } from './sns';
import { mapWebhookBody } from './webhook-mapping';

/** MAX_WEBHOOK_BATCH is how many alerts one JSON array to a webhook may carry (as many as an Alertmanager notification). */
export const MAX_WEBHOOK_BATCH = 1_000;

/** webhookMessageOf is what a webhook's mapping reads: an SNS notification's message, else the body itself. */
export function webhookMessageOf(body: unknown): unknown {
  const envelope = snsEnvelopeOf(body);
  return envelope?.Type === 'Notification' ? snsMessageOf(envelope) : body;
}

/** inArray runs the mapping of a JSON array's element, naming the element in what it throws. */
function inArray<T>(index: number, map: () => T): T {
  try {
    return map();
  } catch (caught) {
    const error = caught instanceof ZodError ? new AppError('invalid_request', formatZodError(caught).message, formatZodError(caught).details) : caught;
    if (!(error instanceof AppError)) throw error;
    const details = Array.isArray(error.details) ? (error.details as Array<{ field: string; message: string }>).map((detail) => ({ ...detail, field: `${index}${detail.field ? `.${detail.field}` : ''}` })) : undefined;
    throw new AppError(error.code, `the ${ordinal(index + 1)} element of the array: ${error.message}`, details);
  }
}

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
      const message = webhookMessageOf(body);
      const mapping = settings?.mapping ?? { title: '{{title}}' };
      const options = { name: settings?.name ?? 'webhook', ...(settings?.severityMap ? { severityMap: settings.severityMap } : {}) };
      if (!Array.isArray(message)) return [mapWebhookBody(message, mapping, options)];
      // A JSON array is a batch: one alert per element, ingested together like an Alertmanager notification.
      if (message.length > MAX_WEBHOOK_BATCH) throw new AppError('invalid_request', `The array has ${message.length} elements: a webhook takes at most ${MAX_WEBHOOK_BATCH} alerts per request.`);
      return message.map((element, index) => inArray(index, () => mapWebhookBody(element, mapping, options)));
    }
  }
}
