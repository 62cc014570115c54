// The drop-in intake endpoints (DESIGN.md §5a) on the one request pipeline: each authenticates a Klaxon API key
// with alerts:write where its format carries a key, spends that key's rate limit, maps the format onto alert
// inputs and ingests them on the same path as POST /api/v1/alerts. node-route.ts and app/api/v1/integrations
// serve these same definitions.
import { changeAlertStatusByDedupKey, changeAlertStatusFor } from '../alerts/lifecycle';
import { AppError } from '../errors';
import { keyFromAuthorization } from '../http/authenticate';
import type { Incoming } from '../http/pipeline';
import { apiEndpoint, type ApiEndpointOptions } from '../http/with-api';
import { countIntake, type AlertSource } from '../metrics';
import { verifyHmac } from './hmac-check';
import { ingestAlerts } from './ingest-alerts';
import { integrationForKey } from './intake-settings';
import { accepted, forIntegration } from './with-last-event';
import { alertInputsOf } from './map-payload';
import { identifierTypeSchema, opsgenieAccepted, opsgenieActionSchema, opsgenieError } from './opsgenie';
import { pagerDutyError } from './pagerduty';

// A request's refusals are counted once here; its accepted alerts are counted by the handler, one per alert.
const observeRefusals = (source: AlertSource) => ({ status }: { status: number }) => {
  if (status >= 300) countIntake(source, status);
};

/**
 * notificationIntake serves a notification of many alerts with the settings of the integration its key belongs to:
 * 200 `{ alerts }` (how many it opened, bumped or changed) once all are stored. With `signed`, an integration that
 * has an HMAC secret gets its signature checked over the raw body first.
 */
function notificationIntake(source: 'alertmanager' | 'grafana', options: { key?: ApiEndpointOptions<Record<string, never>>['key']; signatureHeader?: string } = {}) {
  return apiEndpoint(
    'alerts:write',
    async ({ scope, json, body, request }) => {
      const config = await integrationForKey(scope.actor.id);
      return forIntegration(
        config,
        200,
        async () => {
          if (config?.hmac && options.signatureHeader) verifyHmac(config.hmac, request.headers, await body(), options.signatureHeader);
          const inputs = alertInputsOf(source, await json(), config);
          const results = await ingestAlerts(scope, inputs);
          countIntake(source, 200, inputs.length);
          return { status: 200, headers: {}, body: { alerts: results.filter((result) => result !== null).length } };
        },
        (answer) => accepted(answer.body.alerts),
      );
    },
    { rateLimited: true, observe: observeRefusals(source), ...(options.key ? { key: options.key } : {}) },
  );
}

/** alertmanagerIntake serves Alertmanager's webhook (key as Bearer). */
export const alertmanagerIntake = notificationIntake('alertmanager');

/** GRAFANA_SIGNATURE_HEADER is where Grafana puts its HMAC signature unless its contact point names another header. */
export const GRAFANA_SIGNATURE_HEADER = 'X-Grafana-Alerting-Signature';

/** grafanaIntake serves Grafana's webhook contact point (key as Bearer, or as a Basic password; HMAC when configured). */
export const grafanaIntake = notificationIntake('grafana', {
  key: {
    read: (request) => Promise.resolve(keyFromAuthorization(request.head.headers.get('authorization'), ['Bearer', 'Basic'])),
    missing: 'Send a Klaxon API key as `Authorization: Bearer <key>`, or as the password of Basic authentication.',
  },
  signatureHeader: GRAFANA_SIGNATURE_HEADER,
});

async function routingKey(request: Incoming<unknown>): Promise<string | null> {
  const body = await request.json();
  const key = typeof body === 'object' && body !== null ? (body as { routing_key?: unknown }).routing_key : undefined;
  return typeof key === 'string' && key !== '' ? key : null;
}

/** pagerDutyIntake serves Events API v2's enqueue: 202 `{ status: "success", message: "Event processed", dedup_key }`. */
export const pagerDutyIntake = apiEndpoint(
  'alerts:write',
  async ({ scope, json }) => {
    const config = await integrationForKey(scope.actor.id);
    return forIntegration(
      config,
      202,
      async () => {
        const [input] = alertInputsOf('pagerduty', await json(), config);
        const [result] = await ingestAlerts(scope, [input!]);
        countIntake('pagerduty', 202);
        const dedupKey = result?.dedupKey ?? (input!.action === 'trigger' ? undefined : input!.dedupKey);
        return { status: 202, headers: {}, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
      },
      () => 'Event processed',
    );
  },
  {
    rateLimited: true,
    observe: observeRefusals('pagerduty'),
    key: { read: routingKey, missing: "'routing_key' is missing: send a Klaxon API key with alerts:write as routing_key." },
    shapeError: pagerDutyError,
  },
);

const genieKey = { read: (request: Incoming<unknown>) => Promise.resolve(keyFromAuthorization(request.head.headers.get('authorization'), ['GenieKey'])), missing: 'Send a Klaxon API key as `Authorization: GenieKey <key>`.' };

/** opsgenieCreate serves Opsgenie's create alert: 202 `{ result, took, requestId }`. */
export const opsgenieCreate = apiEndpoint(
  'alerts:write',
  async ({ scope, json, requestId }) => {
    const startedAt = performance.now();
    const config = await integrationForKey(scope.actor.id);
    return forIntegration(
      config,
      202,
      async () => {
        await ingestAlerts(scope, alertInputsOf('opsgenie', await json(), config));
        countIntake('opsgenie', 202);
        return opsgenieAccepted(startedAt, requestId);
      },
      () => 'Request will be processed',
    );
  },
  { rateLimited: true, observe: observeRefusals('opsgenie'), key: genieKey, shapeError: opsgenieError },
);

/** opsgenieAction serves acknowledge or close of an alert by `identifierType=id` (Klaxon's alert id) or `alias` (dedup key). */
export function opsgenieAction(action: 'acknowledge' | 'resolve') {
  return apiEndpoint<{ id: string }>(
    'alerts:write',
    async ({ scope, json, params, request, requestId }) => {
      const startedAt = performance.now();
      const identifierType = identifierTypeSchema.parse(new URL(request.url).searchParams.get('identifierType') ?? undefined);
      // The body (user, source, note) is optional; when sent it must have Opsgenie's shape.
      opsgenieActionSchema.parse(await json().catch(() => undefined));
      const change = identifierType === 'alias' ? changeAlertStatusByDedupKey(scope, params.id, action) : changeAlertStatusFor(scope, params.id, action);
      // Opsgenie accepts an action on an alert it cannot find and drops it later: the answer is 202 either way.
      await change.catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      });
      return opsgenieAccepted(startedAt, requestId);
    },
    { rateLimited: true, key: genieKey, shapeError: opsgenieError },
  );
}
