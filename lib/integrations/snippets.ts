// What to paste into each sender so that it posts to Klaxon: Alertmanager's receiver YAML, a Grafana contact point
// (provisioning file), PagerDuty's routing key and host, Opsgenie's host, and `curl` for a webhook (with Datadog's
// payload template or the SNS subscribe command when the preset needs one). The dashboard shows these with the real
// key right after creating or rotating, and with a placeholder after that (the key is never shown again).
import type { IntegrationKind } from '../schemas/integration';
import { DATADOG_PAYLOAD, WEBHOOK_PRESET_MAPPINGS } from './presets';

/** Snippet is one block of configuration to copy. */
export interface Snippet {
  title: string;
  language: 'yaml' | 'sh' | 'js' | 'json';
  text: string;
}

/** SnippetInput is what a snippet is built from. */
export interface SnippetInput {
  kind: IntegrationKind;
  name: string;
  /** url is the intake URL (a webhook's, with its token when known). */
  url: string;
  /** key is the integration's API key when just minted, else a placeholder naming its prefix. */
  key: string;
  preset?: string | undefined;
  sample?: unknown;
  hmac?: { header?: string | undefined; timestamp_header?: string | undefined } | undefined;
}

const yamlString = (text: string) => JSON.stringify(text);

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

/** snippetsFor returns the configuration to paste for one integration. */
export function snippetsFor(input: SnippetInput): Snippet[] {
  switch (input.kind) {
    case 'alertmanager':
      return [
        {
          title: 'alertmanager.yml: a receiver (point a route at it)',
          language: 'yaml',
          text: [
            'receivers:',
            '  - name: klaxon',
            '    webhook_configs:',
            `      - url: ${yamlString(input.url)}`,
            '        send_resolved: true',
            '        max_alerts: 0',
            '        http_config:',
            '          authorization:',
            '            type: Bearer',
            `            credentials: ${yamlString(input.key)}`,
          ].join('\n'),
        },
      ];
    case 'grafana':
      return [
        {
          title: 'Grafana contact point (Alerting → Contact points → Webhook), as a provisioning file',
          language: 'yaml',
          text: [
            'apiVersion: 1',
            'contactPoints:',
            '  - orgId: 1',
            '    name: klaxon',
            '    receivers:',
            '      - uid: klaxon',
            '        type: webhook',
            '        settings:',
            `          url: ${yamlString(input.url)}`,
            '          httpMethod: POST',
            '          authorization_scheme: Bearer',
            `          authorization_credentials: ${yamlString(input.key)}`,
            ...(input.hmac
              ? [
                  '          hmacConfig:',
                  '            secret: "<the HMAC secret you gave Klaxon>"',
                  `            header: ${yamlString(input.hmac.header ?? 'X-Grafana-Alerting-Signature')}`,
                  ...(input.hmac.timestamp_header ? [`            timestampHeader: ${yamlString(input.hmac.timestamp_header)}`] : []),
                ]
              : []),
          ].join('\n'),
        },
      ];
    case 'pagerduty': {
      const server = hostOf(input.url).replace(/\/v2\/enqueue$/, '');
      return [
        {
          title: 'PagerDuty Events API v2: routing key and host (clients build https://{server}/v2/enqueue)',
          language: 'js',
          text: [
            `// routing_key: ${input.key}`,
            `// server:      ${server}`,
            "import { event } from '@pagerduty/pdjs';",
            `await event({ server: ${JSON.stringify(server)}, data: { routing_key: ${JSON.stringify(input.key)}, event_action: 'trigger', dedup_key: 'disk-db1', payload: { summary: 'Disk full on db1', source: 'db1', severity: 'critical' } } });`,
          ].join('\n'),
        },
      ];
    }
    case 'opsgenie': {
      const host = input.url.replace(/\/v2\/alerts$/, '');
      return [
        {
          title: "Opsgenie: set the SDK's host to Klaxon and the key as its API key",
          language: 'js',
          text: [
            "const opsgenie = require('opsgenie-sdk');",
            `opsgenie.configure({ api_key: ${JSON.stringify(input.key)}, host: ${JSON.stringify(host)} });`,
            "opsgenie.alertV2.create({ message: 'Disk full on db1', alias: 'disk-db1', priority: 'P1' }, callback);",
            `// or: curl -X POST ${input.url} -H 'Authorization: GenieKey ${input.key}' -H 'Content-Type: application/json' -d '{"message":"Disk full on db1","alias":"disk-db1","priority":"P1"}'`,
          ].join('\n'),
        },
      ];
    }
    case 'webhook':
      return webhookSnippets(input);
  }
}

function webhookSnippets(input: SnippetInput): Snippet[] {
  const preset = input.preset ? WEBHOOK_PRESET_MAPPINGS[input.preset as keyof typeof WEBHOOK_PRESET_MAPPINGS] : undefined;
  const sample = input.sample ?? preset?.sample ?? { title: 'Disk full on db1', severity: 'critical', id: 'disk-db1' };
  const body = JSON.stringify(sample).replaceAll("'", "'\\''");
  const signature = input.hmac ? ` \\\n  -H "${input.hmac.header ?? 'X-Signature'}: $(printf '%s' '${body}' | openssl dgst -sha256 -hmac "$SECRET" -r | cut -d' ' -f1)"` : '';
  const snippets: Snippet[] = [
    {
      title: 'Send an event (any JSON; the URL is the secret)',
      language: 'sh',
      text: `curl -sS -X POST ${yamlString(input.url)} -H 'Content-Type: application/json'${signature} \\\n  -d '${body}'`,
    },
  ];
  if (input.preset === 'datadog') snippets.push({ title: 'Datadog: Integrations → Webhooks, this URL and this custom payload', language: 'json', text: DATADOG_PAYLOAD });
  if (input.preset === 'sentry') {
    snippets.push({ title: 'Sentry: Settings → Custom Integrations → internal integration, Webhook URL (Alert Rule Action on)', language: 'sh', text: input.url });
  }
  if (input.preset === 'cloudwatch') {
    snippets.push({
      title: "CloudWatch via SNS: subscribe this URL to the alarm's topic (Klaxon confirms the subscription)",
      language: 'sh',
      text: `aws sns subscribe --topic-arn arn:aws:sns:REGION:ACCOUNT:TOPIC --protocol https \\\n  --notification-endpoint ${yamlString(input.url)}`,
    });
  }
  return snippets;
}
