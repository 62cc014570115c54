'use client';

import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** RevokeKeyButton revokes a key after the user confirms. */
export function RevokeKeyButton({ action, name }: { action: Action; name: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the API key “${name}”? Services using it will get 401 at once.`)) event.preventDefault();
      }}
    >
      <button className="button small danger" type="submit" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {state.status === 'error' && (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
