'use client';

import { useActionState } from 'react';
import { FieldError, fieldA11y, SubmitRow } from '@/app/(dashboard)/components/field-error';
import { WeeklyFields } from '@/app/(dashboard)/components/weekly-fields';
import type { ChannelOption } from '@/lib/channels/channel-options';
import { IDLE, valueOf, type FormState } from '@/lib/forms/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** CreateReportForm schedules a report to a channel Klaxon can post to, daily or on chosen weekdays. */
export function CreateReportForm({ action, channels }: { action: Action; channels: ChannelOption[] }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  const values = state.status === 'error' ? state.values : undefined;
  const value = (field: string, fallback = '') => (values ? valueOf(values, field) : fallback);
  return (
    <form action={formAction} className="card form" aria-labelledby="create-report-heading" noValidate>
      <h2 id="create-report-heading">Schedule a report</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="report-channel">Channel</label>
          <select id="report-channel" name="channel" defaultValue={value('channel')} key={`channel-${state.status}`} {...fieldA11y('report', 'channel', state)}>
            <option value="">Pick a channel</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id} disabled={channel.unavailable !== null}>
                {channel.isPrivate ? '🔒' : '#'}
                {channel.name}
              </option>
            ))}
          </select>
          <FieldError form="report" field="channel" state={state} />
        </div>
        <div className="field">
          <label htmlFor="report-time">At (local time)</label>
          <input id="report-time" name="time" type="time" defaultValue={value('time', '09:00')} key={`time-${state.status}`} {...fieldA11y('report', 'time', state)} />
          <FieldError form="report" field="time" state={state} />
        </div>
      </div>
      <WeeklyFields form="report" state={state} defaultDays={['mon', 'tue', 'wed', 'thu', 'fri']} />
      <SubmitRow pending={pending} state={state} label="Schedule report" pendingLabel="Scheduling…" />
    </form>
  );
}
