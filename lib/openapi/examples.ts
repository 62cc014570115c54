// Request examples of the OpenAPI document (the README's curl examples send the same bodies). The tests parse
// every one with the endpoint's zod schema, so an example can't drift from what the API accepts.

/** DEPLOY_FAILED is a realistic trigger: a critical `deploy.failed` with fields and links. */
export const DEPLOY_FAILED = {
  event_type: 'deploy.failed',
  severity: 'critical',
  title: 'Deploy of checkout-api to production failed',
  description: 'Health checks failed after the rollout; traffic was rolled back to v2024.05.01-3.',
  source: 'github-actions',
  dedup_key: 'deploy/checkout-api/production',
  fields: { service: 'checkout-api', environment: 'production', version: 'v2024.05.02-1', failed_checks: 3, rolled_back: true },
  links: [
    { text: 'Workflow run', url: 'https://github.com/acme/checkout-api/actions/runs/9876543210' },
    { text: 'Runbook', url: 'https://wiki.acme.example/runbooks/deploys' },
  ],
  occurred_at: '2024-05-02T14:02:00Z',
};

/** ACKNOWLEDGE / RESOLVE change the open alert with a dedup key. */
export const ACKNOWLEDGE = { action: 'acknowledge', dedup_key: 'deploy/checkout-api/production' };
export const RESOLVE = { action: 'resolve', dedup_key: 'deploy/checkout-api/production' };

/** NEW_API_KEY creates a key that may only send and read alerts. */
export const NEW_API_KEY = { name: 'GitHub Actions', scopes: ['alerts:write', 'alerts:read'] };

/** DEPLOY_ROUTE sends critical and error deploy events to one channel. */
export const DEPLOY_ROUTE = {
  name: 'Deploy failures',
  event_types: ['deploy.*'],
  severities: ['critical', 'error'],
  channels: ['C0123ABCD'],
  enabled: true,
};

/** ROUTE_ORDER puts a workspace's two routes in a new order. */
export const ROUTE_ORDER = { route_ids: ['cm0route00000000000000002', 'cm0route00000000000000001'] };

/** ROUTE_PATCH pauses a route. */
export const ROUTE_PATCH = { enabled: false };

/** DEPLOY_SUMMARY is the README's sample line: each `[[ … ]]` part drops out when its placeholders are empty. */
export const DEPLOY_SUMMARY = '[[*{{fields.service}}* ]][[({{fields.environment}}) ]]{{severity}} · seen {{occurrences}}×[[\n{{description}}]]';

/** DEPLOY_TEMPLATE is a header and a section made of placeholders. */
export const DEPLOY_TEMPLATE = {
  name: 'Deploys',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: '{{title}}' } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: DEPLOY_SUMMARY },
      fields: [
        { type: 'mrkdwn', text: '[[*Version*\n{{fields.version}}]]' },
        { type: 'mrkdwn', text: '[[*Source*\n{{source}}]]' },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '[[{{links}} · ]]<{{dashboard_url}}|Open in Klaxon>' }] },
  ],
};

/** TEMPLATE_PREVIEW renders unsaved blocks with a sample alert. */
export const TEMPLATE_PREVIEW = {
  blocks: DEPLOY_TEMPLATE.blocks,
  severity: 'critical',
  alert: { title: 'Deploy of checkout-api to production failed', fields: { service: 'checkout-api', environment: 'production', version: 'v2024.05.02-1' } },
};

/** NEW_WEBHOOK_INTEGRATION is a Sentry webhook with the shipped preset and Sentry's signature checked. */
export const NEW_WEBHOOK_INTEGRATION = { kind: 'webhook', name: 'Sentry', preset: 'sentry', hmac: { secret: 'your-sentry-client-secret', header: 'Sentry-Hook-Signature' } };

/** NEW_ALERTMANAGER_INTEGRATION reads the event type from the `service` label and maps `page` to critical. */
export const NEW_ALERTMANAGER_INTEGRATION = { kind: 'alertmanager', name: 'Prometheus production', event_type_label: 'service', severity_map: { page: 'critical', ticket: 'info' } };

/** INTEGRATION_PATCH changes a webhook's field mapping. */
export const INTEGRATION_PATCH = {
  mapping: { event_type: 'ci.{{pipeline.status}}', title: 'Pipeline {{pipeline.name}} {{pipeline.status}}', severity: 'error', dedup_key: 'ci/{{pipeline.id}}', status: '{{pipeline.status}}', resolved_values: ['passed'] },
};

/** MAPPING_PREVIEW maps a pasted body with an unsaved mapping. */
export const MAPPING_PREVIEW = {
  mapping: { title: '{{check}} is {{state}}', severity: '{{level}}', dedup_key: 'uptime/{{check}}', status: '{{state}}', resolved_values: ['up'] },
  severity_map: { sev1: 'critical' },
  sample: { check: 'checkout.example.com', state: 'down', level: 'SEV1' },
};
/** DEPLOY_SILENCE holds back deploy alerts from CI for an hour. */
export const DEPLOY_SILENCE = {
  event_type: 'deploy.*',
  source: 'ci',
  fields: [{ name: 'region', op: '=~', value: 'eu-.*' }],
  starts_at: '2024-05-01T14:00:00Z',
  ends_at: '2024-05-01T15:00:00Z',
  comment: 'Deploy freeze during the migration',
};

/** SILENCE_PATCH moves a silence's end. */
export const SILENCE_PATCH = { ends_at: '2024-05-01T16:00:00Z' };

/** SUNDAY_WINDOW silences disk alerts on Sunday nights in Berlin. */
export const SUNDAY_WINDOW = { name: 'Sunday backups', event_type: 'disk.*', time_zone: 'Europe/Berlin', days: ['sun'], start: '02:00', end: '04:00' };

/** WEEKLY_REPORT sends a summary to one channel on Monday mornings in Berlin. */
export const WEEKLY_REPORT = { channel: 'C0123ABCD', days: ['mon'], time: '09:00', time_zone: 'Europe/Berlin' };
