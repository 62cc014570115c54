// The metrics of a process (prom-client), named as DESIGN.md §8 promises: one registry per process (kept on
// globalThis: Next bundles route handlers apart from the node:http paths), default process metrics, and the
// queue gauges read from the outbox at scrape time. Labels never carry a workspace's secrets or free text.
import client from 'prom-client';
import { processWide } from './process-wide';

/** QueueStats is what the queue gauges show: due work per kind and how late the oldest due item is. */
export interface QueueStats {
  depth: Record<string, number>;
  oldestDueSeconds: number;
}

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    alertsReceived: new client.Counter({ name: 'klaxon_alerts_received_total', help: 'Alerts accepted, by intake source.', labelNames: ['source'] as const, registers }),
    alertsRejected: new client.Counter({ name: 'klaxon_alerts_rejected_total', help: 'Alert requests refused, by reason.', labelNames: ['reason'] as const, registers }),
    deliveries: new client.Counter({ name: 'klaxon_deliveries_total', help: 'Slack deliveries by kind (post, update, reply) and outcome.', labelNames: ['kind', 'outcome'] as const, registers }),
    deliveryLatency: new client.Histogram({
      name: 'klaxon_delivery_latency_seconds',
      help: 'Alert accepted → Slack answered its first post.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
      registers,
    }),
    slackApiRequests: new client.Counter({ name: 'klaxon_slack_api_requests_total', help: 'Slack Web API calls, by method and answer (ok, a Slack error code, 429, http_5xx, network).', labelNames: ['method', 'status'] as const, registers }),
    slackAck: new client.Histogram({
      name: 'klaxon_slack_ack_seconds',
      help: 'Slack request in → answer out, by endpoint.',
      labelNames: ['endpoint'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3],
      registers,
    }),
    httpRequests: new client.Histogram({
      name: 'klaxon_http_request_duration_seconds',
      help: 'HTTP requests served, by route template (never a raw URL), method and status code.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    }),
    queueDepth: new client.Gauge({
      name: 'klaxon_queue_depth',
      help: 'Outbox work that is due now, by kind.',
      labelNames: ['kind'] as const,
      registers,
      async collect() {
        const stats = await readQueueStats();
        this.reset();
        for (const [kind, depth] of Object.entries(stats?.depth ?? {})) this.set({ kind }, depth);
      },
    }),
    queueOldestDue: new client.Gauge({
      name: 'klaxon_queue_oldest_due_seconds',
      help: 'How long the oldest due outbox item has been waiting.',
      registers,
      async collect() {
        this.set((await readQueueStats())?.oldestDueSeconds ?? 0);
      },
    }),
  };
}

const metricsState = processWide('metrics', createMetrics);

// Both queue gauges are collected in one scrape: read the stats once for both.
let pendingStats: Promise<QueueStats | null> | null = null;
function readQueueStats(): Promise<QueueStats | null> {
  // Imported when scraped: the outbox's modules use these metrics, so a static import would be circular.
  pendingStats ??= import('./outbox/stats')
    .then(({ queueStats }) => queueStats())
    .catch(() => null)
    .finally(() => setTimeout(() => (pendingStats = null), 0));
  return pendingStats;
}

/** metrics returns the process's metrics. */
export function metrics() {
  return metricsState;
}

/** AlertSource is an intake endpoint, as `klaxon_alerts_received_total` labels it. */
export type AlertSource = 'api' | 'alertmanager' | 'grafana' | 'pagerduty' | 'opsgenie' | 'webhook';

// The reasons an intake request is refused, a fixed set whatever the endpoint.
const REJECTION_REASONS: Record<number, string> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 429: 'rate_limited' };

/** countIntake counts an intake request by its answer: its `alerts` received when 2xx, else one rejection by reason. */
export function countIntake(source: AlertSource, status: number, alerts = 1): void {
  if (status >= 200 && status < 300) metricsState.alertsReceived.inc({ source }, alerts);
  else metricsState.alertsRejected.inc({ reason: REJECTION_REASONS[status] ?? 'error' });
}

/** metricsText renders every metric in Prometheus' text format, with its content type. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsState.registry.contentType, body: await metricsState.registry.metrics() };
}
