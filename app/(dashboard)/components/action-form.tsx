'use client';

import { useActionState, type ReactNode } from 'react';
import { FieldError, fieldA11y, SubmitRow } from '@/app/(dashboard)/components/field-error';
import { IDLE, valueOf, type FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** FieldSpec is one input of an ActionForm. */
export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'time' | 'datetime-local' | 'select';
  options?: Array<{ value: string; label: string }>;
  placeholder?: string;
  defaultValue?: string;
  help?: ReactNode;
  list?: string;
  /** wide spans two columns of the form's grid. */
  wide?: boolean;
}

/**
 * ActionForm is a small dashboard form over a server action: its fields, inline errors under each, the values
 * kept after a failed submit, and a status line.
 */
export function ActionForm({
  action,
  id,
  title,
  fields,
  submit,
  className = 'card form',
  columns,
}: {
  action: Action;
  id: string;
  title?: string;
  fields: FieldSpec[];
  submit: string;
  className?: string;
  /** columns fixes the grid's column count on wide screens (rows of related fields). */
  columns?: 3;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className={className} aria-label={title ?? submit} noValidate>
      {title && <h2>{title}</h2>}
      <div className={columns ? `grid-fields cols-${columns}` : 'grid-fields'}>
        {fields.map((field) => {
          const inputId = `${id}-${field.name}`;
          const value = values ? valueOf(values, field.name) : (field.defaultValue ?? '');
          const common = { id: inputId, name: field.name, defaultValue: value, key: `${field.name}-${state.status}-${value}`, ...fieldA11y(id, field.name, state) };
          return (
            <div className={field.wide ? 'field wide' : 'field'} key={field.name}>
              <label htmlFor={inputId}>{field.label}</label>
              {field.type === 'select' ? (
                <select {...common}>
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...common} type={field.type ?? 'text'} placeholder={field.placeholder} list={field.list} />
              )}
              {field.help && <span className="muted small">{field.help}</span>}
              <FieldError form={id} field={field.name} state={state} />
            </div>
          );
        })}
      </div>
      <SubmitRow pending={pending} state={state} label={submit} pendingLabel="Saving…" />
    </form>
  );
}

/** ConfirmButton runs an action after the user confirms, and says why when it is refused. */
export function ConfirmButton({ action, confirm, label, pendingLabel, ariaLabel }: { action: Action; confirm: string; label: string; pendingLabel: string; ariaLabel: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }}
    >
      <button className="button small danger" type="submit" disabled={pending} aria-label={ariaLabel}>
        {pending ? pendingLabel : label}
      </button>
      {state.status === 'error' && (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** DeleteButton runs a delete action after the user confirms. */
export function DeleteButton({ action, name, what }: { action: Action; name: string; what: string }) {
  return <ConfirmButton action={action} confirm={`Delete the ${what} “${name}”?`} label="Delete" pendingLabel="Deleting…" ariaLabel={`Delete ${name}`} />;
}
