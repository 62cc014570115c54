'use client';

import { useActionState } from 'react';
import { FieldError, fieldA11y, SubmitRow } from '@/app/(dashboard)/components/field-error';
import { IDLE, valueOf, type FormState, type FormValues } from '@/lib/forms/form-state';
import type { IntegrationJson } from '@/lib/integrations/integrations';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

function initialValues(integration: IntegrationJson): FormValues {
  return {
    name: integration.name,
    event_type_label: integration.event_type_label ?? '',
    severity_map: Object.entries(integration.severity_map ?? {})
      .map(([word, severity]) => `${word} = ${severity}`)
      .join('\n'),
    mapping: integration.mapping ? JSON.stringify(integration.mapping, null, 2) : '',
    sample: integration.sample === undefined ? '' : JSON.stringify(integration.sample, null, 2),
    hmac_header: integration.hmac?.header ?? '',
    hmac_timestamp_header: integration.hmac?.timestamp_header ?? '',
  };
}

/** EditIntegrationForm changes an integration's settings; an emptied field removes that setting. */
export function EditIntegrationForm({ integration, action }: { integration: IntegrationJson; action: Action }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const values = state.status === 'error' && state.values ? state.values : initialValues(integration);
  const form = `edit-${integration.id}`;
  const field = (name: string) => ({ id: `${form}-${name}`, name, defaultValue: valueOf(values, name), ...fieldA11y(form, name, state) });
  const { kind } = integration;
  return (
    <details>
      <summary>Change settings</summary>
      <form key={`${state.status}-${state.message ?? ''}`} action={formAction} className="form integration-form" noValidate aria-label={`Settings of ${integration.name}`}>
        <div className="field">
          <label htmlFor={`${form}-name`}>Name</label>
          <input {...field('name')} required maxLength={100} />
          <FieldError form={form} field="name" state={state} />
        </div>
        {(kind === 'alertmanager' || kind === 'grafana') && (
          <div className="field">
            <label htmlFor={`${form}-event_type_label`}>Label that names the event type</label>
            <input {...field('event_type_label')} placeholder="alertname" />
            <FieldError form={form} field="event_type_label" state={state} />
          </div>
        )}
        {kind === 'webhook' && (
          <>
            <input type="hidden" name="preset" value="custom" />
            <div className="field">
              <label htmlFor={`${form}-mapping`}>Mapping (JSON)</label>
              <textarea {...field('mapping')} className="code-editor" rows={10} />
              <FieldError form={form} field="mapping" state={state} />
            </div>
            <div className="field">
              <label htmlFor={`${form}-sample`}>Sample body</label>
              <textarea {...field('sample')} className="code-editor" rows={5} />
              <FieldError form={form} field="sample" state={state} />
            </div>
          </>
        )}
        {kind !== 'pagerduty' && (
          <div className="field">
            <label htmlFor={`${form}-severity_map`}>Severity words</label>
            <textarea {...field('severity_map')} rows={3} />
            <FieldError form={form} field="severity_map" state={state} />
          </div>
        )}
        {(kind === 'grafana' || kind === 'webhook') && (
          <fieldset className="field">
            <legend>HMAC signature</legend>
            <label htmlFor={`${form}-hmac_secret`}>New secret {integration.hmac?.has_secret ? '(leave empty to keep the current one)' : ''}</label>
            <input {...field('hmac_secret')} type="password" autoComplete="off" defaultValue="" />
            <label htmlFor={`${form}-hmac_header`}>Header</label>
            <input {...field('hmac_header')} />
            <label htmlFor={`${form}-hmac_timestamp_header`}>Timestamp header</label>
            <input {...field('hmac_timestamp_header')} />
            {integration.hmac?.has_secret && (
              <label className="check">
                <input type="checkbox" name="hmac_remove" /> Stop checking signatures
              </label>
            )}
            <FieldError form={form} field="hmac" state={state} />
          </fieldset>
        )}
        <SubmitRow pending={pending} state={state} label="Save settings" pendingLabel="Saving…" small />
      </form>
    </details>
  );
}
