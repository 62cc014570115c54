// Field mappings shipped for senders whose payloads are published: Sentry's issue and metric alert webhooks,
// Datadog's Webhooks integration (with the payload template the dashboard shows for it) and CloudWatch alarms
// through Amazon SNS. Each preset also has a sample body, for the dashboard's preview and its test event.
import type { WebhookMapping } from '../schemas/integration';
import type { WEBHOOK_PRESETS } from '../schemas/integration';

/** WebhookPreset is a shipped mapping, what to configure on the sender's side, and a body it sends. */
export interface WebhookPreset {
  label: string;
  mapping: WebhookMapping;
  /** signature is how the sender signs, when it does (the integration still needs its secret). */
  signature?: { header: string; algorithm: 'sha256'; encoding: 'hex' };
  /** payloadTemplate is what to paste into the sender when it lets you choose the body (Datadog). */
  payloadTemplate?: string;
  sample: unknown;
}

/** DATADOG_PAYLOAD is the custom payload to set on Datadog's webhook: its documented template variables. */
export const DATADOG_PAYLOAD = `{
  "title": "$EVENT_TITLE",
  "body": "$EVENT_MSG",
  "alert_transition": "$ALERT_TRANSITION",
  "alert_id": "$ALERT_ID",
  "aggreg_key": "$AGGREG_KEY",
  "alert_cycle_key": "$ALERT_CYCLE_KEY",
  "priority": "$ALERT_PRIORITY",
  "alert_type": "$ALERT_TYPE",
  "link": "$LINK",
  "hostname": "$HOSTNAME",
  "tags": "$TAGS",
  "date": "$DATE",
  "last_updated": "$LAST_UPDATED",
  "event_type": "$EVENT_TYPE",
  "id": "$ID",
  "org": { "id": "$ORG_ID", "name": "$ORG_NAME" }
}`;

/** WEBHOOK_PRESET_MAPPINGS holds each preset by name. */
export const WEBHOOK_PRESET_MAPPINGS: Record<(typeof WEBHOOK_PRESETS)[number], WebhookPreset> = {
  sentry: {
    label: 'Sentry (issue and metric alerts)',
    // Issue alerts carry data.event; metric alerts data.metric_alert and an action of critical|warning|resolved.
    mapping: {
      event_type: 'sentry.{{data.event.platform || data.metric_alert.alert_rule.dataset}}',
      severity: '{{data.event.level || action}}',
      title: '{{data.event.title || data.description_title}}',
      description: '{{data.event.culprit || data.description_text}}',
      dedup_key: 'sentry/{{data.event.issue_id || data.metric_alert.id}}',
      status: '{{action}}',
      resolved_values: ['resolved'],
      source: 'sentry',
      occurred_at: '{{data.event.datetime}}',
      links: [
        { text: 'Open in Sentry', url: '{{data.event.web_url || data.web_url}}' },
      ],
      fields: { rule: '{{data.triggered_rule}}', project: '{{data.event.project}}', culprit: '{{data.event.culprit}}', level: '{{data.event.level}}' },
    },
    signature: { header: 'Sentry-Hook-Signature', algorithm: 'sha256', encoding: 'hex' },
    sample: {
      action: 'triggered',
      data: {
        event: {
          issue_id: '1117540176',
          title: 'ReferenceError: heck is not defined',
          culprit: '?(<anonymous>)',
          level: 'error',
          platform: 'javascript',
          project: 1,
          datetime: '2019-08-19T21:06:17.403000Z',
          web_url: 'https://sentry.io/organizations/test-org/issues/1117540176/events/9fac2ceed9344f2bbfdd1fdacb0ed9b1/',
        },
        triggered_rule: 'Very Important Alert Rule!!!',
      },
    },
  },
  datadog: {
    label: 'Datadog (Webhooks integration)',
    mapping: {
      event_type: 'datadog.{{event_type}}',
      severity: '{{priority}}',
      title: '{{title}}',
      description: '{{body}}',
      dedup_key: 'datadog/{{aggreg_key}}',
      status: '{{alert_transition}}',
      resolved_values: ['Recovered'],
      source: 'datadog/{{org.name}}',
      links: [{ text: 'Open in Datadog', url: '{{link}}' }],
      fields: { host: '{{hostname}}', tags: '{{tags}}', transition: '{{alert_transition}}', 'alert type': '{{alert_type}}' },
    },
    payloadTemplate: DATADOG_PAYLOAD,
    sample: {
      title: '[Triggered] CPU above 90% on web-3',
      body: 'CPU usage on web-3 has been above 90% for 5 minutes.',
      alert_transition: 'Triggered',
      aggreg_key: 'ab12cd34ef56',
      priority: 'P2',
      alert_type: 'error',
      link: 'https://app.datadoghq.com/event/event?id=7088118472390284000',
      hostname: 'web-3',
      tags: 'env:production,role:web',
      event_type: 'metric_alert_monitor',
      org: { id: '123456', name: 'Acme' },
    },
  },
  cloudwatch: {
    label: 'Amazon CloudWatch alarms (through SNS)',
    // The SNS envelope is taken off first (sns.ts): the mapping sees the alarm's own JSON.
    mapping: {
      event_type: 'cloudwatch.{{Trigger.Namespace}}',
      severity: 'error',
      title: '{{AlarmName}}: {{NewStateValue}}',
      description: '{{NewStateReason}}',
      dedup_key: '{{AlarmArn}}',
      status: '{{NewStateValue}}',
      resolved_values: ['OK'],
      source: 'cloudwatch/{{Region}}',
      occurred_at: '{{StateChangeTime}}',
      fields: { alarm: '{{AlarmDescription}}', metric: '{{Trigger.MetricName}}', account: '{{AWSAccountId}}', region: '{{Region}}' },
    },
    sample: {
      AlarmName: 'HighCPU-web',
      AlarmDescription: 'CPU above 80% on the web tier',
      AWSAccountId: '123456789012',
      NewStateValue: 'ALARM',
      NewStateReason: 'Threshold Crossed: 1 datapoint was greater than the threshold (80.0).',
      StateChangeTime: '2026-12-03T10:00:30.000+0000',
      Region: 'US West (Oregon)',
      AlarmArn: 'arn:aws:cloudwatch:us-west-2:123456789012:alarm:HighCPU-web',
      Trigger: { MetricName: 'CPUUtilization', Namespace: 'AWS/EC2' },
    },
  },
};
