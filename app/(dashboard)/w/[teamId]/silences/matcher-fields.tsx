'use client';

import { FieldError, fieldA11y } from '@/app/(dashboard)/components/field-error';
import { listOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { SEVERITIES } from '@/lib/schemas/primitives';
import { FIELD_MATCH_OPERATORS } from '@/lib/schemas/silence';

/**
 * MatcherFields are the inputs of what a silence or maintenance window matches (event type, source,
 * severities, one field matcher), refilled from a failed submission's values; `form` names the form's ids.
 */
export function MatcherFields({ form, state, prefill = { event_type: '', source: '' } }: { form: string; state: FormState; prefill?: { event_type: string; source: string } }) {
  const values = state.status === 'error' ? state.values : undefined;
  const value = (field: string, fallback = '') => (values ? valueOf(values, field) : fallback);
  const severities = listOf(values, 'severities', []);
  const keyOf = (field: string) => `${field}-${state.status}-${value(field)}`;
  return (
    <>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${form}-event-type`}>Event type</label>
          <input id={`${form}-event-type`} name="event_type" placeholder="deploy.* (blank: any)" defaultValue={value('event_type', prefill.event_type)} key={keyOf('event_type')} {...fieldA11y(form, 'event_type', state)} />
          <FieldError form={form} field="event_type" state={state} />
        </div>
        <div className="field">
          <label htmlFor={`${form}-source`}>Source</label>
          <input id={`${form}-source`} name="source" placeholder="exact source (blank: any)" defaultValue={value('source', prefill.source)} key={keyOf('source')} {...fieldA11y(form, 'source', state)} />
          <FieldError form={form} field="source" state={state} />
        </div>
      </div>
      <fieldset className="field" {...fieldA11y(form, 'severities', state)}>
        <legend>Severities (none checked: any)</legend>
        {SEVERITIES.map((severity) => (
          <label key={`${severity}-${state.status}-${severities.join()}`} className="check">
            <input type="checkbox" name="severities" value={severity} defaultChecked={severities.includes(severity)} /> {severity}
          </label>
        ))}
        <FieldError form={form} field="severities" state={state} />
      </fieldset>
      <fieldset className="field" {...fieldA11y(form, 'fields', state)}>
        <legend>Field (optional)</legend>
        <div className="filters">
          <input aria-label="Field name" name="field_name" placeholder="region" defaultValue={value('field_name')} key={keyOf('field_name')} />
          <select aria-label="Operator" name="field_op" defaultValue={value('field_op', '=')} key={keyOf('field_op')}>
            {FIELD_MATCH_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>
          <input aria-label="Field value" name="field_value" placeholder="eu-.*" defaultValue={value('field_value')} key={keyOf('field_value')} />
        </div>
        <FieldError form={form} field="fields" state={state} />
      </fieldset>
    </>
  );
}
