// A small body of each drop-in format, as its sender would post it: the dashboard's "send a test event" runs it
// through the integration's own settings (fixtures/integrations has the full published examples for the tests).
import type { IntegrationKind } from '../schemas/integration';

/** SAMPLE_BODIES holds a sample body per kind; a webhook's sample is its preset's or the one saved with it. */
export const SAMPLE_BODIES: Record<Exclude<IntegrationKind, 'webhook'>, unknown> = {
  alertmanager: {
    version: '4',
    status: 'firing',
    receiver: 'klaxon',
    truncatedAlerts: 0,
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'KlaxonTestAlert', severity: 'warning', instance: 'test:9090' },
        annotations: { summary: 'A test alert from Klaxon', description: 'Sent by "Send a test event" in the dashboard.' },
        startsAt: '2026-12-03T10:00:00Z',
        fingerprint: 'klaxon-test',
      },
    ],
  },
  grafana: {
    version: '1',
    status: 'firing',
    receiver: 'klaxon',
    truncatedAlerts: 0,
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'KlaxonTestAlert', severity: 'warning' },
        annotations: { summary: 'A test alert from Klaxon' },
        fingerprint: 'klaxon-test',
        values: { A: 42 },
      },
    ],
  },
  pagerduty: {
    routing_key: 'klaxon-test',
    event_action: 'trigger',
    dedup_key: 'klaxon-test',
    payload: { summary: 'A test event from Klaxon', source: 'klaxon', severity: 'warning' },
  },
  opsgenie: { message: 'A test alert from Klaxon', alias: 'klaxon-test', priority: 'P3' },
};
