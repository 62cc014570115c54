'use client';

import { useActionState } from 'react';
import { FieldError, fieldA11y, SubmitRow } from '@/app/(dashboard)/components/field-error';
import { WeeklyFields } from '@/app/(dashboard)/components/weekly-fields';
import { IDLE, valueOf, type FormState } from '@/lib/forms/form-state';
import { MatcherFields } from './matcher-fields';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** CreateWindowForm adds a maintenance window: a silence on a weekly schedule in a time zone. */
export function CreateWindowForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const values = state.status === 'error' ? state.values : undefined;
  const value = (field: string, fallback = '') => (values ? valueOf(values, field) : fallback);
  return (
    <form action={formAction} className="card form" aria-labelledby="create-window-heading" noValidate>
      <h2 id="create-window-heading">Create a maintenance window</h2>
      <p className="muted">Every week on the days you pick, between the local times, matching new alerts are held back as by a silence.</p>
      <div className="field">
        <label htmlFor="window-name">Window name</label>
        <input id="window-name" name="name" required maxLength={100} placeholder="Sunday backups" defaultValue={value('name')} key={`name-${state.status}`} {...fieldA11y('window', 'name', state)} />
        <FieldError form="window" field="name" state={state} />
      </div>
      <MatcherFields form="window" state={state} />
      <WeeklyFields form="window" state={state} defaultDays={['sun']} />
      <div className="grid-2">
        <div className="field">
          <label htmlFor="window-start">From (local time)</label>
          <input id="window-start" name="start" type="time" defaultValue={value('start', '02:00')} key={`start-${state.status}`} {...fieldA11y('window', 'start', state)} />
          <FieldError form="window" field="start" state={state} />
        </div>
        <div className="field">
          <label htmlFor="window-end">Until (local time)</label>
          <input id="window-end" name="end" type="time" defaultValue={value('end', '04:00')} key={`end-${state.status}`} {...fieldA11y('window', 'end', state)} />
          <FieldError form="window" field="end" state={state} />
        </div>
      </div>
      <SubmitRow pending={pending} state={state} label="Create window" pendingLabel="Creating…" />
    </form>
  );
}
