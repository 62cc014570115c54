// POST /api/v1/integrations/webhook/{token}: any JSON body, mapped by its integration's field mapping. The secret
// token in the URL finds the integration (many senders cannot set headers); the integration's own API key is the
// actor and spends the rate limit; an HMAC signature is checked when the integration has a secret. An Amazon SNS
// subscription is confirmed, and an SNS notification's message is what gets mapped.
import { AppError } from '../errors';
import type { Endpoint } from '../http/pipeline';
import { parseJson } from '../http/read-json';
import { countIntake } from '../metrics';
import type { WorkspaceScope } from '../auth/workspace-scope';
import { addLogContext } from '../log';
import { verifyHmac } from './hmac-check';
import { ingestAlerts } from './ingest-alerts';
import { integrationForToken, type IntegrationConfig } from './intake-settings';
import { alertInputsOf } from './map-payload';
import { confirmSnsSubscription, snsEnvelopeOf } from './sns';
import { accepted, forIntegration } from './with-last-event';

/** WEBHOOK_SIGNATURE_HEADER is where a webhook's HMAC signature is read unless its integration names a header. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Signature';

interface WebhookAccess {
  scope: WorkspaceScope;
  config: IntegrationConfig;
}

/** webhookIntake serves a webhook integration: 202 `{ id, status, dedup_key }` of the alert the body made. */
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
      async () => {
        const raw = await request.body();
        if (config.hmac) verifyHmac(config.hmac, request.head.headers, raw, WEBHOOK_SIGNATURE_HEADER);
        const body = parseJson(raw);
        const envelope = snsEnvelopeOf(body, request.head.headers.get('x-amz-sns-message-type'));
        if (envelope?.Type === 'SubscriptionConfirmation') {
          await confirmSnsSubscription(envelope);
          return { status: 200, headers: {}, body: { confirmed: true } };
        }
        if (envelope?.Type === 'UnsubscribeConfirmation') return { status: 200, headers: {}, body: { ok: true } };
        const [result] = await ingestAlerts(scope, alertInputsOf('webhook', body, config));
        countIntake('webhook', 202);
        return { status: 202, headers: {}, body: result ? { id: result.id, status: result.status, dedup_key: result.dedupKey } : { status: 'ignored', reason: 'no open alert with this dedup key' } };
      },
      (answer) => ('confirmed' in (answer.body as object) ? 'Amazon SNS subscription confirmed' : answer.status === 202 && 'id' in (answer.body as object) ? accepted(1) : 'status change for no open alert: ignored'),
    ),
  observe: ({ status }) => {
    if (status >= 300) countIntake('webhook', status);
  },
};
