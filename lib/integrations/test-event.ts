// The dashboard's "send a test event" and its mapping preview. A test event is the integration's sample body (its
// kind's, its preset's, or the one saved with it) through the same mapping as a real event, with a fresh dedup
// key so that it always posts; the preview maps a pasted body with unsaved settings and stores nothing.
import { randomUUID } from 'node:crypto';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { AppError } from '../errors';
import type { AlertInput, AlertTriggerInput } from '../schemas/alert';
import type { mappingPreviewSchema } from '../schemas/integration';
import { clip } from './alert-shape';
import { ingestAlerts } from './ingest-alerts';
import { recordIntegrationEvent } from './intake-settings';
import { integrationSettings } from './integrations';
import { alertInputsOf } from './map-payload';
import { WEBHOOK_PRESET_MAPPINGS } from './presets';
import { SAMPLE_BODIES } from './samples';
import { DEFAULT_SEVERITY_MAP, type SeverityMap } from './severity';
import type { z } from 'zod';

/** TestEventResult is what a test event stored. */
export interface TestEventResult {
  alerts: Array<{ id: string; status: string; dedup_key: string }>;
  result: string;
}

function asTest(input: AlertTriggerInput): AlertTriggerInput {
  return { ...input, title: clip(`Test: ${input.title}`, 250), dedupKey: `klaxon-test/${randomUUID()}` };
}

/** sendTestEvent maps the integration's sample with its settings and ingests it (admins only). */
export async function sendTestEvent(scope: WorkspaceScope, id: string): Promise<TestEventResult> {
  assertAdmin(scope);
  const { config, sample } = await integrationSettings(scope, id);
  const body = config.kind === 'webhook' ? sample : SAMPLE_BODIES[config.kind];
  const inputs: AlertInput[] =
    body === undefined
      ? [{ action: 'trigger', eventType: 'klaxon.test', severity: 'info', title: `A test event from Klaxon (${config.name})`, fields: {}, links: [] }]
      : alertInputsOf(config.kind, body, config);
  const triggers = inputs.filter((input): input is AlertTriggerInput => input.action === 'trigger').map(asTest);
  if (triggers.length === 0) throw new AppError('invalid_request', 'The sample body maps to an acknowledge or resolve, not a new alert: save a sample that triggers one.');
  const results = await ingestAlerts(scope, triggers);
  const alerts = results.flatMap((result) => (result ? [{ id: result.id, status: result.status, dedup_key: result.dedupKey }] : []));
  const result = `Test event: ${alerts.length} alert${alerts.length === 1 ? '' : 's'} accepted`;
  recordIntegrationEvent(config.id, 202, result);
  return { alerts, result };
}

/** MappingPreview is a pasted body mapped, in the alerts API's names (a trigger, or a status change). */
export type MappingPreview = ReturnType<typeof previewJson>;

function previewJson(input: AlertInput) {
  if (input.action !== 'trigger') return { action: input.action, dedup_key: input.dedupKey };
  return {
    action: input.action,
    event_type: input.eventType,
    severity: input.severity,
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    ...(input.dedupKey ? { dedup_key: input.dedupKey } : {}),
    ...(input.source ? { source: input.source } : {}),
    ...(input.occurredAt ? { occurred_at: input.occurredAt.toISOString() } : {}),
    fields: input.fields,
    links: input.links,
  };
}

/** previewMapping maps a sample body with an unsaved mapping (or preset) and severity map; nothing is stored. */
export function previewMapping(input: z.output<typeof mappingPreviewSchema>): MappingPreview {
  const mapping = input.mapping ?? WEBHOOK_PRESET_MAPPINGS[input.preset!].mapping;
  const severityMap: SeverityMap | undefined = input.severity_map
    ? { ...DEFAULT_SEVERITY_MAP, ...Object.fromEntries(Object.entries(input.severity_map).map(([word, severity]) => [word.toLowerCase(), severity])) }
    : undefined;
  const [mapped] = alertInputsOf('webhook', input.sample, { name: 'webhook', mapping, ...(severityMap ? { severityMap } : {}) });
  return previewJson(mapped!);
}
