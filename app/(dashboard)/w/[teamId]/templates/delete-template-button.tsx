'use client';

import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** DeleteTemplateButton deletes a template after confirming, and explains a refusal (routes use it). */
export function DeleteTemplateButton({ action, name }: { action: Action; name: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form
      action={formAction}
      className="row-actions"
      onSubmit={(event) => {
        if (!window.confirm(`Delete the template “${name}”?`)) event.preventDefault();
      }}
    >
      <button className="button small danger" type="submit" disabled={pending} aria-label={`Delete ${name}`}>
        Delete
      </button>
      <span role="status" aria-live="polite" className="field-error">
        {state.status === 'error' ? state.message : ''}
      </span>
    </form>
  );
}
