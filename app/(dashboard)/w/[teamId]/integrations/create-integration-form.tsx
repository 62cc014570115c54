'use client';

import { useActionState, useState } from 'react';
import { FieldError, fieldA11y, FormStatus } from '@/app/(dashboard)/components/field-error';
import { IDLE, readFormValues, valueOf, type FormState, type FormValues } from '@/lib/forms/form-state';
import type { MappingPreview } from '@/lib/integrations/test-event';
import { INTEGRATION_KINDS, WEBHOOK_PRESETS, type IntegrationKind } from '@/lib/schemas/integration';
import type { ShownSecret } from './actions';
import { ShownSecretCard } from './shown-secret';

type Action<R> = (previous: FormState<R>, formData: FormData) => Promise<FormState<R>>;

const KIND_LABELS: Record<IntegrationKind, string> = {
  alertmanager: 'Prometheus Alertmanager',
  grafana: 'Grafana Alerting',
  pagerduty: 'PagerDuty Events API v2 client',
  opsgenie: 'Opsgenie Alert API client',
  webhook: 'Any JSON webhook (Sentry, Datadog, SNS…)',
};

const EXAMPLE_MAPPING = JSON.stringify({ event_type: 'ci.{{status}}', title: '{{pipeline}} {{status}}', severity: '{{level}}', dedup_key: 'ci/{{id}}', status: '{{status}}', resolved_values: ['passed'] }, null, 2);

/** CreateIntegrationForm creates an integration of a kind, with that kind's settings; a webhook's mapping can be previewed on a pasted body. `livePrefixes` are the integrations' current secret prefixes, by id. */
export function CreateIntegrationForm({ action, preview, presets, livePrefixes }: { action: Action<ShownSecret>; preview: Action<MappingPreview>; presets: Record<string, string>; livePrefixes: Record<string, string | undefined> }) {
  // What was typed survives every submit, whichever button sent it (React resets a form after its action): the
  // fields are re-mounted with the last submitted values, except after a successful creation.
  const [typed, setTyped] = useState<{ values?: FormValues; round: number }>({ round: 0 });
  const remember = <R,>(run: Action<R>, keep: (result: FormState<R>) => boolean): Action<R> => async (previous, formData) => {
    const result = await run(previous, formData);
    setTyped((last) => ({ round: last.round + 1, ...(keep(result) ? { values: readFormValues(formData) } : {}) }));
    return result;
  };
  const [state, formAction, pending] = useActionState<FormState<ShownSecret>, FormData>(remember(action, (result) => result.status === 'error'), IDLE);
  const [previewed, previewAction, previewing] = useActionState<FormState<MappingPreview>, FormData>(remember(preview, () => true), IDLE);
  const values = typed.values;
  const [kind, setKind] = useState<IntegrationKind>((valueOf(values, 'kind') as IntegrationKind) || 'alertmanager');
  const [preset, setPreset] = useState(valueOf(values, 'preset') || 'sentry');
  const field = (name: string) => ({ id: `integration-${name}`, name, defaultValue: valueOf(values, name), ...fieldA11y('integration', name, state) });
  return (
    <>
      {state.status === 'ok' && state.result && <ShownSecretCard shown={state.result} kind={state.result.url.includes('/webhook/') ? 'url' : 'key'} livePrefix={livePrefixes[state.result.id]} />}
      <form key={typed.round} action={formAction} className="card form integration-form" aria-labelledby="create-integration-heading" noValidate>
        <h2 id="create-integration-heading">Add an integration</h2>
        <div className="field">
          <label htmlFor="integration-kind">Source</label>
          <select id="integration-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as IntegrationKind)}>
            {INTEGRATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="integration-name">Name</label>
          <input {...field('name')} required maxLength={100} placeholder="e.g. Prometheus production" />
          <FieldError form="integration" field="name" state={state} />
        </div>
        {(kind === 'alertmanager' || kind === 'grafana') && (
          <div className="field">
            <label htmlFor="integration-event_type_label">Label that names the event type</label>
            <input {...field('event_type_label')} placeholder="alertname" />
            <p className="hint">Default: alertname.</p>
            <FieldError form="integration" field="event_type_label" state={state} />
          </div>
        )}
        {kind === 'webhook' && (
          <>
            <div className="field">
              <label htmlFor="integration-preset">Field mapping</label>
              <select id="integration-preset" name="preset" value={preset} onChange={(event) => setPreset(event.target.value)}>
                {WEBHOOK_PRESETS.map((value) => (
                  <option key={value} value={value}>
                    Preset: {presets[value]}
                  </option>
                ))}
                <option value="custom">Custom mapping</option>
              </select>
            </div>
            {preset === 'custom' && (
              <div className="field">
                <label htmlFor="integration-mapping">Mapping (JSON: {'{{path}}'} templates or constants)</label>
                <textarea {...field('mapping')} className="code-editor" rows={8} defaultValue={valueOf(values, 'mapping') || EXAMPLE_MAPPING} />
                <FieldError form="integration" field="mapping" state={state} />
              </div>
            )}
            <div className="field">
              <label htmlFor="integration-sample">Sample body (pasted from your sender; used by the preview and the test event)</label>
              <textarea {...field('sample')} className="code-editor" rows={6} placeholder='{"pipeline": "deploy", "status": "failed", "level": "SEV1", "id": 42}' />
              <FieldError form="integration" field="sample" state={state} />
            </div>
          </>
        )}
        {kind !== 'pagerduty' && (
          <div className="field">
            <label htmlFor="integration-severity_map">Severity words (one per line: word = critical|error|warning|info)</label>
            <textarea {...field('severity_map')} rows={3} placeholder={kind === 'opsgenie' ? 'P2 = critical' : 'page = critical\nticket = info'} />
            <p className="hint">Read before the default map (page, P1 → critical; high, P2 → error; …). Anything unknown is a warning, said on the alert.</p>
            <FieldError form="integration" field="severity_map" state={state} />
          </div>
        )}
        {(kind === 'grafana' || kind === 'webhook') && (
          <fieldset className="field">
            <legend>HMAC signature (optional)</legend>
            <label htmlFor="integration-hmac_secret">Secret</label>
            <input {...field('hmac_secret')} type="password" autoComplete="off" />
            <label htmlFor="integration-hmac_header">Header</label>
            <input {...field('hmac_header')} placeholder={kind === 'grafana' ? 'X-Grafana-Alerting-Signature' : preset === 'sentry' ? 'Sentry-Hook-Signature' : 'X-Signature'} />
            <label htmlFor="integration-hmac_timestamp_header">Timestamp header (signed as timestamp:body)</label>
            <input {...field('hmac_timestamp_header')} placeholder={kind === 'grafana' ? 'X-Grafana-Alerting-Signature-Timestamp' : ''} />
            <FieldError form="integration" field="hmac" state={state} />
          </fieldset>
        )}
        <div className="form-actions">
          <button className="button primary" type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add integration'}
          </button>
          {kind === 'webhook' && (
            <button className="button" type="submit" formAction={previewAction} disabled={previewing}>
              {previewing ? 'Mapping…' : 'Preview the mapping on the sample'}
            </button>
          )}
          <FormStatus state={state} />
        </div>
        {kind === 'webhook' && previewed.status !== 'idle' && values && (
          <div className={previewed.status === 'error' ? 'issues' : 'issues issues-ok'} role="status" data-testid="mapping-preview">
            <p>{previewed.message}</p>
            {previewed.result && <pre className="code-block">{JSON.stringify(previewed.result, null, 2)}</pre>}
          </div>
        )}
      </form>
    </>
  );
}
