// Inline form feedback shared by the dashboard's forms: an error under its field (referenced by the field's
// aria-describedby) and a status line announced to screen readers.
import type { FormState } from '@/lib/forms/form-state';

/** fieldErrorId is the id of a field's error message, for aria-describedby. */
export function fieldErrorId(form: string, field: string): string {
  return `${form}-${field}-error`;
}

/** fieldA11y returns the aria attributes of a field: invalid and described by its error when it has one. */
export function fieldA11y(form: string, field: string, state: FormState<unknown>) {
  const error = state.fieldErrors?.[field];
  return error ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(form, field) } : {};
}

/** FieldError shows a field's error, if any. */
export function FieldError({ form, field, state }: { form: string; field: string; state: FormState<unknown> }) {
  const error = state.fieldErrors?.[field];
  if (!error) return null;
  return (
    <p className="field-error" id={fieldErrorId(form, field)}>
      {error}
    </p>
  );
}

/** FormStatus announces the outcome of the last submit (success or the error summary). */
export function FormStatus({ state }: { state: FormState<unknown> }) {
  return (
    <p className={state.status === 'error' ? 'form-status form-status-error' : 'form-status'} role="status" aria-live="polite">
      {state.status === 'idle' ? '' : state.message}
    </p>
  );
}

/** SubmitRow is a form's submit button (its label while pending) and the outcome of the last submit. */
export function SubmitRow({ pending, state, label, pendingLabel, small = false }: { pending: boolean; state: FormState<unknown>; label: string; pendingLabel: string; small?: boolean }) {
  return (
    <div className="form-actions">
      <button className={small ? 'button primary small' : 'button primary'} type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <FormStatus state={state} />
    </div>
  );
}
