'use client';

import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** ExpireSilenceButton ends a silence now, after the user confirms. */
export function ExpireSilenceButton({ action, label }: { action: Action; label: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm('End this silence now? The open alerts it holds are posted to Slack.')) event.preventDefault();
      }}
    >
      <button className="button small danger" type="submit" disabled={pending} aria-label={`Expire ${label}`}>
        {pending ? 'Expiring…' : 'Expire'}
      </button>
      {state.status === 'error' && (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
