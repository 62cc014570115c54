// POST /api/v1/integrations/webhook/{token}: any JSON body, mapped by its integration's field mapping. The secret
// token in the URL finds the integration (many senders cannot set headers); the integration's own API key is the
// actor and spends the rate limit; an HMAC signature is checked when the integration has a secret. An Amazon SNS
// message is believed only with SNS's signature; its subscription is confirmed, and a notification's message is
// what gets mapped. A JSON array is a batch of alerts, stored together (one statement, as Alertmanager's are).
import { AppError } from '../errors';
import type { Endpoint } from '../http/pipeline';
import { parseJson } from '../http/read-json';
import { countIntake } from '../metrics';
import type { WorkspaceScope } from '../auth/workspace-scope';
import { addLogContext } from '../log';
import { verifyHmac } from './hmac-check';
import type { IngestResult } from '../alerts/ingest-alert';
import { ingestAlerts } from './ingest-alerts';
import { integrationForToken, type IntegrationConfig } from './intake-settings';
import { alertInputsOf, webhookMessageOf } from './map-payload';
import { confirmSnsSubscription, snsEnvelopeOf } from './sns';
import { verifySnsSignature } from './sns-signature';
import { accepted, forIntegration } from './with-last-event';

/** WEBHOOK_SIGNATURE_HEADER is where a webhook's HMAC signature is read unless its integration names a header. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Signature';

interface WebhookAccess {
  scope: WorkspaceScope;
  config: IntegrationConfig;
}

type AlertAnswer = { id: string; status: string; dedup_key: string } | { status: 'ignored'; reason: string };

interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: { confirmed: true } | { unsubscribed: true } | { alerts: AlertAnswer[] } | AlertAnswer;
}

const answerOf = (result: IngestResult | null): AlertAnswer => (result ? { id: result.id, status: result.status, dedup_key: result.dedupKey } : { status: 'ignored', reason: 'no open alert with this dedup key' });

function summaryOf(answers: AlertAnswer[]): string {
  const stored = answers.filter((answer) => 'id' in answer).length;
  const ignored = answers.length - stored;
  if (answers.length === 1 && ignored === 1) return 'status change for no open alert: ignored';
  return ignored ? `${accepted(stored)}, ${ignored} status change${ignored === 1 ? '' : 's'} for no open alert ignored` : accepted(stored);
}

/** webhookIntake serves a webhook integration: 202 `{ id, status, dedup_key }` of the alert the body made (`{ alerts: [...] }` for an array). */
export const webhookIntake: Endpoint<WebhookAccess, { token: string }> = {
  async access(request) {
    const config = await integrationForToken(request.params.token);
    if (!config) throw new AppError('unauthorized', 'No webhook integration has this URL: copy it again from the dashboard (rotating the URL ends the old one).');
    addLogContext({ workspace: config.workspaceId, actor: `integration:${config.id}` });
    return { config, scope: { workspaceId: config.workspaceId, role: 'admin', actor: { type: 'api_key', id: config.apiKeyId, name: config.name } } };
  },
  rateLimitKey: ({ scope }) => scope.actor.id,
  handle: ({ scope, config }, request) =>
    forIntegration(
      config,
      202,
      async (): Promise<WebhookAnswer> => {
        const raw = await request.body();
        if (config.hmac) verifyHmac(config.hmac, request.head.headers, raw, WEBHOOK_SIGNATURE_HEADER);
        const body = parseJson(raw);
        const envelope = snsEnvelopeOf(body);
        if (envelope) await verifySnsSignature(envelope);
        if (envelope?.Type === 'SubscriptionConfirmation') {
          await confirmSnsSubscription(envelope);
          return { status: 200, headers: {}, body: { confirmed: true } };
        }
        if (envelope?.Type === 'UnsubscribeConfirmation') return { status: 200, headers: {}, body: { unsubscribed: true } };
        const results = (await ingestAlerts(scope, alertInputsOf('webhook', body, config))).map(answerOf);
        countIntake('webhook', 202);
        return { status: 202, headers: {}, body: Array.isArray(webhookMessageOf(body)) ? { alerts: results } : results[0]! };
      },
      (answer) => ('confirmed' in answer.body ? 'Amazon SNS subscription confirmed' : 'unsubscribed' in answer.body ? 'Amazon SNS unsubscribed' : summaryOf('alerts' in answer.body ? answer.body.alerts : [answer.body])),
    ),
  observe: ({ status }) => {
    if (status >= 300) countIntake('webhook', status);
  },
};
