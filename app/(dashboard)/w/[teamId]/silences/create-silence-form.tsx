'use client';

import { useActionState } from 'react';
import { FieldError, fieldA11y, SubmitRow } from '@/app/(dashboard)/components/field-error';
import { IDLE, valueOf, type FormState } from '@/lib/forms/form-state';
import { SILENCE_DURATIONS } from '@/lib/silences/silence-form';
import { MatcherFields } from './matcher-fields';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** CreateSilenceForm adds a silence; `prefill` comes from a link such as an alert's "Silence alerts like this". */
export function CreateSilenceForm({ action, prefill }: { action: Action; prefill: { event_type: string; source: string } }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const values = state.status === 'error' ? state.values : undefined;
  const value = (field: string, fallback = '') => (values ? valueOf(values, field) : fallback);
  const keyOf = (field: string) => `${field}-${state.status}-${value(field)}`;
  return (
    <form action={formAction} className="card form" aria-labelledby="create-silence-heading" noValidate>
      <h2 id="create-silence-heading">Create a silence</h2>
      <p className="muted">New alerts that match every condition you give are stored and shown here as silenced, but not posted to Slack.</p>
      <MatcherFields form="silence" state={state} prefill={prefill} />
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
      <SubmitRow pending={pending} state={state} label="Create silence" pendingLabel="Creating…" />
    </form>
  );
}
