'use client';

import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** RouteRowActions are a route's buttons: move up/down in the order, enable/disable, send a test alert, delete (after confirming). */
export function RouteRowActions({
  action,
  name,
  enabled,
  editHref,
  alertsHref,
  first,
  last,
}: {
  action: Action;
  name: string;
  enabled: boolean;
  editHref: string;
  alertsHref: string;
  first: boolean;
  last: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const alertId = typeof state.values?.alert_id === 'string' ? state.values.alert_id : null;
  return (
    <form action={formAction} className="row-actions">
      <button className="button small" type="submit" name="intent" value="up" disabled={pending || first} aria-label={`Move ${name} up`}>
        ↑
      </button>
      <button className="button small" type="submit" name="intent" value="down" disabled={pending || last} aria-label={`Move ${name} down`}>
        ↓
      </button>
      <button className="button small" type="submit" name="intent" value="toggle" disabled={pending} aria-label={`${enabled ? 'Disable' : 'Enable'} ${name}`}>
        {enabled ? 'Disable' : 'Enable'}
      </button>
      <a className="button small" href={editHref} aria-label={`Edit ${name}`}>
        Edit
      </a>
      <button className="button small" type="submit" name="intent" value="test" disabled={pending} aria-label={`Send test alert through ${name}`}>
        Send test alert
      </button>
      <button
        className="button small danger"
        type="submit"
        name="intent"
        value="delete"
        disabled={pending}
        aria-label={`Delete ${name}`}
        onClick={(event) => {
          if (!window.confirm(`Delete the route “${name}”? Alerts it already sent keep their messages.`)) event.preventDefault();
        }}
      >
        Delete
      </button>
      <span role="status" aria-live="polite" className={state.status === 'error' ? 'field-error' : 'muted small'}>
        {state.status === 'idle' ? '' : state.message}
        {alertId && (
          <>
            {' '}
            <a href={`${alertsHref}/${alertId}`}>View the alert</a>
          </>
        )}
      </span>
    </form>
  );
}
