import type { Metadata } from 'next';
import { CopyButton } from '@/app/(dashboard)/components/copy-button';
import { When } from '@/app/(dashboard)/components/when';
import { listIntegrations } from '@/lib/integrations/integrations';
import { WEBHOOK_PRESET_MAPPINGS } from '@/lib/integrations/presets';
import { snippetsFor } from '@/lib/integrations/snippets';
import { dashboardContext } from '../dashboard-context';
import { createIntegrationAction, deleteAction, previewMappingAction, rotateAction, testEventAction, updateAction } from './actions';
import { EditIntegrationForm } from './edit-integration-form';
import { CreateIntegrationForm } from './create-integration-form';
import { IntegrationActions } from './integration-actions';

export const metadata: Metadata = { title: 'Integrations — Klaxon' };

const KIND_NAMES = { alertmanager: 'Alertmanager', grafana: 'Grafana', pagerduty: 'PagerDuty Events v2', opsgenie: 'Opsgenie', webhook: 'JSON webhook' } as const;

const PRESET_LABELS = Object.fromEntries(Object.entries(WEBHOOK_PRESET_MAPPINGS).map(([name, preset]) => [name, preset.label]));

export default async function IntegrationsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const integrations = await listIntegrations(scope);
  const admin = scope.role === 'admin';
  const livePrefixOf = (integration: (typeof integrations)[number]) => (integration.kind === 'webhook' ? integration.token_prefix : integration.key_prefix);
  const livePrefixes = Object.fromEntries(integrations.map((integration) => [integration.id, livePrefixOf(integration)]));
  return (
    <>
      <h1>Integrations</h1>
      <p className="lead">
        Point what you already run at Klaxon by changing a URL and a key: Alertmanager, Grafana, PagerDuty and Opsgenie clients, or any tool that
        posts JSON. Each integration has its own key (a webhook: its own secret URL) and settings; its alerts are routed like any other.
      </p>
      {!admin && <p className="notice">You are a viewer: only workspace admins can add integrations or send test events.</p>}
      {admin && <CreateIntegrationForm action={createIntegrationAction.bind(null, teamId)} preview={previewMappingAction.bind(null, teamId)} presets={PRESET_LABELS} livePrefixes={livePrefixes} />}
      <section aria-labelledby="integrations-heading">
        <h2 id="integrations-heading">Your integrations</h2>
        {integrations.length === 0 && <p className="card">No integrations yet.</p>}
        <ul className="route-list">
          {integrations.map((integration) => {
            const placeholder = integration.kind === 'webhook' ? integration.url : `<the key ${integration.key_prefix ?? 'klx_live_'}… shown when it was created>`;
            const snippets = snippetsFor({ kind: integration.kind, name: integration.name, url: integration.url, key: placeholder, preset: integration.preset, sample: integration.sample, hmac: integration.hmac });
            const event = integration.last_event;
            return (
              <li key={integration.id} className="route integration" data-testid="integration-row">
                <div className="route-head">
                  <strong>{integration.name}</strong>
                  <span className="pill pill-muted">{KIND_NAMES[integration.kind]}</span>
                  {integration.preset && <span className="pill pill-muted">preset: {integration.preset}</span>}
                  {integration.hmac?.has_secret && <span className="pill pill-ok">HMAC checked</span>}
                </div>
                <dl className="facts integration-facts">
                  <dt>URL</dt>
                  <dd className="wrap">
                    <code>{integration.url}</code> {integration.kind !== 'webhook' && <CopyButton text={integration.url} label="Copy URL" />}
                  </dd>
                  <dt>{integration.kind === 'webhook' ? 'Token' : 'Key'}</dt>
                  <dd>
                    <code>{integration.kind === 'webhook' ? integration.token_prefix : integration.key_prefix}…</code> <span className="muted small">(shown once; rotate for a new one)</span>
                  </dd>
                  {integration.event_type_label && (
                    <>
                      <dt>Event type label</dt>
                      <dd>
                        <code>{integration.event_type_label}</code>
                      </dd>
                    </>
                  )}
                  {integration.severity_map && (
                    <>
                      <dt>Severity words</dt>
                      <dd>
                        {Object.entries(integration.severity_map).map(([word, severity]) => (
                          <span key={word} className="chip">
                            {word} → {severity}
                          </span>
                        ))}
                      </dd>
                    </>
                  )}
                  <dt>Last event</dt>
                  <dd data-testid="integration-last-event">
                    {event ? (
                      <>
                        <span className={`pill ${event.status !== null && event.status < 300 ? 'pill-ok' : 'pill-warn'}`}>{event.status}</span> {event.result} · <When date={event.at} />
                      </>
                    ) : (
                      <span className="muted">none received yet</span>
                    )}
                  </dd>
                </dl>
                <details>
                  <summary>Configuration to paste</summary>
                  {snippets.map((snippet) => (
                    <div key={snippet.title}>
                      <h3 className="small">{snippet.title}</h3>
                      <pre className="code-block">{snippet.text}</pre>
                    </div>
                  ))}
                </details>
                {admin && <EditIntegrationForm integration={integration} action={updateAction.bind(null, teamId, integration.id, integration.kind)} />}
                {admin && (
                  <IntegrationActions
                    name={integration.name}
                    webhook={integration.kind === 'webhook'}
                    livePrefix={livePrefixOf(integration)}
                    test={testEventAction.bind(null, teamId, integration.id)}
                    rotate={rotateAction.bind(null, teamId, integration.id)}
                    remove={deleteAction.bind(null, teamId, integration.id)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
