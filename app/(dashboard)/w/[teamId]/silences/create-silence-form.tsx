'use client';

import { useActionState } from 'react';
import { FieldError, fieldA11y, FormStatus } from '@/app/(dashboard)/components/field-error';
import { IDLE, listOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { SEVERITIES } from '@/lib/schemas/primitives';
import { FIELD_MATCH_OPERATORS } from '@/lib/schemas/silence';
import { SILENCE_DURATIONS } from '@/lib/silences/silence-form';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** CreateSilenceForm adds a silence; `prefill` comes from a link such as an alert's "Silence alerts like this". */
export function CreateSilenceForm({ action, prefill }: { action: Action; prefill: { event_type: string; source: string } }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const values = state.status === 'error' ? state.values : undefined;
  const value = (field: string, fallback = '') => (values ? valueOf(values, field) : fallback);
  const severities = listOf(values, 'severities', []);
  const keyOf = (field: string) => `${field}-${state.status}-${value(field)}`;
  return (
    <form action={formAction} className="card form" aria-labelledby="create-silence-heading" noValidate>
      <h2 id="create-silence-heading">Create a silence</h2>
      <p className="muted">New alerts that match every condition you give are stored and shown here as silenced, but not posted to Slack.</p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="silence-event-type">Event type</label>
          <input id="silence-event-type" name="event_type" placeholder="deploy.* (blank: any)" defaultValue={value('event_type', prefill.event_type)} key={keyOf('event_type')} {...fieldA11y('silence', 'event_type', state)} />
          <FieldError form="silence" field="event_type" state={state} />
        </div>
        <div className="field">
          <label htmlFor="silence-source">Source</label>
          <input id="silence-source" name="source" placeholder="exact source (blank: any)" defaultValue={value('source', prefill.source)} key={keyOf('source')} {...fieldA11y('silence', 'source', state)} />
          <FieldError form="silence" field="source" state={state} />
        </div>
      </div>
      <fieldset className="field" {...fieldA11y('silence', 'severities', state)}>
        <legend>Severities (none checked: any)</legend>
        {SEVERITIES.map((severity) => (
          <label key={`${severity}-${state.status}-${severities.join()}`} className="check">
            <input type="checkbox" name="severities" value={severity} defaultChecked={severities.includes(severity)} /> {severity}
          </label>
        ))}
        <FieldError form="silence" field="severities" state={state} />
      </fieldset>
      <fieldset className="field" {...fieldA11y('silence', 'fields', state)}>
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
        <FieldError form="silence" field="fields" state={state} />
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="silence-duration">For</label>
          <select id="silence-duration" name="duration" defaultValue={value('duration', '60')} key={keyOf('duration')} {...fieldA11y('silence', 'ends_at', state)}>
            {SILENCE_DURATIONS.map((duration) => (
              <option key={duration.minutes} value={duration.minutes}>
                {duration.label}
              </option>
            ))}
          </select>
          <FieldError form="silence" field="ends_at" state={state} />
        </div>
        <div className="field">
          <label htmlFor="silence-comment">Comment</label>
          <input id="silence-comment" name="comment" required maxLength={500} placeholder="Why, and who to ask" defaultValue={value('comment')} key={keyOf('comment')} {...fieldA11y('silence', 'comment', state)} />
          <FieldError form="silence" field="comment" state={state} />
        </div>
      </div>
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create silence'}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
