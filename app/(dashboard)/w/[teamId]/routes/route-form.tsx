'use client';

import { useActionState } from 'react';
import { FieldError, fieldA11y, fieldErrorId, SubmitRow } from '@/app/(dashboard)/components/field-error';
import type { ChannelOption } from '@/lib/channels/channel-options';
import { IDLE, listOf, valueOf, type FormState, type FormValues } from '@/lib/forms/form-state';
import { SEVERITIES } from '@/lib/schemas/primitives';
import { ChannelPicker } from './channel-picker';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** RouteForm creates or edits a route; on an error every field keeps what was typed. */
export function RouteForm({
  action,
  refreshChannels,
  channels,
  templates,
  policies,
  eventTypes,
  initial,
  submitLabel,
  heading,
}: {
  action: Action;
  refreshChannels: () => Promise<ChannelOption[]>;
  channels: ChannelOption[];
  templates: Array<{ id: string; name: string }>;
  policies: Array<{ id: string; name: string }>;
  eventTypes: string[];
  initial?: FormValues;
  submitLabel: string;
  heading: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  // After an error, show what was sent; after a success (a new route), start again from the initial values.
  const values = state.status === 'error' ? state.values : initial;
  const version = `${state.status}-${state.message ?? ''}-${JSON.stringify(values ?? {})}`;
  const severities = listOf(values, 'severities', []);
  return (
    <form action={formAction} className="card form" aria-labelledby="route-form-heading" noValidate key={version}>
      <h2 id="route-form-heading">{heading}</h2>
      <div className="field">
        <label htmlFor="route-name">Name</label>
        <input id="route-name" name="name" required maxLength={100} defaultValue={valueOf(values, 'name')} {...fieldA11y('route', 'name', state)} />
        <FieldError form="route" field="name" state={state} />
      </div>
      <div className="field">
        <label htmlFor="route-event-types">Event types</label>
        <input
          id="route-event-types"
          name="event_types"
          list="route-event-type-suggestions"
          placeholder="deploy.*, db.failover"
          defaultValue={valueOf(values, 'event_types')}
          aria-describedby={`route-event-types-help${state.fieldErrors?.event_types ? ` ${fieldErrorId('route', 'event_types')}` : ''}`}
          aria-invalid={state.fieldErrors?.event_types ? true : undefined}
          autoComplete="off"
        />
        <datalist id="route-event-type-suggestions">
          {eventTypes.map((eventType) => (
            <option key={eventType} value={eventType} />
          ))}
        </datalist>
        <p className="hint" id="route-event-types-help">
          Separate patterns with commas or spaces; <code>*</code> matches anything (<code>deploy.*</code>, <code>*.failed</code>).
          {eventTypes.length > 0 && <> Seen recently: {eventTypes.slice(0, 8).join(', ')}.</>}
        </p>
        <FieldError form="route" field="event_types" state={state} />
      </div>
      <fieldset className="field" {...fieldA11y('route', 'severities', state)}>
        <legend>Severities</legend>
        <div className="inline-checks">
          {SEVERITIES.map((severity) => (
            <label key={severity} className="check">
              <input type="checkbox" name="severities" value={severity} defaultChecked={severities.includes(severity)} />
              <span className={`badge severity-${severity}`}>{severity}</span>
            </label>
          ))}
        </div>
        <FieldError form="route" field="severities" state={state} />
      </fieldset>
      <ChannelPicker
        initial={channels}
        selected={listOf(values, 'channels', [])}
        refresh={refreshChannels}
        describedBy={state.fieldErrors?.channels ? fieldErrorId('route', 'channels') : undefined}
      />
      <FieldError form="route" field="channels" state={state} />
      <div className="field">
        <label htmlFor="route-template">Template</label>
        <select id="route-template" name="template_id" defaultValue={valueOf(values, 'template_id')} {...fieldA11y('route', 'template_id', state)}>
          <option value="">Default layout</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
        <FieldError form="route" field="template_id" state={state} />
      </div>
      <div className="field">
        <label htmlFor="route-escalation">Escalation policy</label>
        <select id="route-escalation" name="escalation_policy_id" defaultValue={valueOf(values, 'escalation_policy_id')} {...fieldA11y('route', 'escalation_policy_id', state)}>
          <option value="">None: nobody is paged</option>
          {policies.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.name}
            </option>
          ))}
        </select>
        <FieldError form="route" field="escalation_policy_id" state={state} />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="route-auto-resolve">Auto-resolve after N quiet minutes</label>
          <input id="route-auto-resolve" name="auto_resolve_minutes" type="number" min={1} placeholder="never" defaultValue={valueOf(values, 'auto_resolve_minutes')} {...fieldA11y('route', 'auto_resolve_minutes', state)} />
          <FieldError form="route" field="auto_resolve_minutes" state={state} />
        </div>
        <div className="field">
          <label htmlFor="route-reminder">Remind after N minutes acknowledged</label>
          <input id="route-reminder" name="reminder_minutes" type="number" min={1} placeholder="never" defaultValue={valueOf(values, 'reminder_minutes')} {...fieldA11y('route', 'reminder_minutes', state)} />
          <FieldError form="route" field="reminder_minutes" state={state} />
        </div>
      </div>
      <label className="check">
        <input type="checkbox" name="reminder_retrigger" defaultChecked={values?.reminder_retrigger === 'on'} />
        At the reminder, return the alert to triggered (it escalates again)
      </label>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="route-storm-limit">Storm limit (posts per minute per channel)</label>
          <input
            id="route-storm-limit"
            name="storm_limit"
            type="number"
            min={0}
            max={1000}
            defaultValue={values ? valueOf(values, 'storm_limit') : '10'}
            aria-describedby="route-storm-limit-help"
            {...fieldA11y('route', 'storm_limit', state)}
          />
          <p className="muted" id="route-storm-limit-help">
            Past this, further alerts fold into one digest message per channel, updated in place. 0: never fold.
          </p>
          <FieldError form="route" field="storm_limit" state={state} />
        </div>
        <div className="field">
          <label htmlFor="route-thread-replies">Thread replies</label>
          <select id="route-thread-replies" name="thread_replies" defaultValue={values ? valueOf(values, 'thread_replies') || 'all' : 'all'} {...fieldA11y('route', 'thread_replies', state)}>
            <option value="all">Every lifecycle event</option>
            <option value="status">Status changes only</option>
            <option value="none">Nothing (resolve still adds ✅)</option>
          </select>
          <FieldError form="route" field="thread_replies" state={state} />
        </div>
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="route-group-by">Group alerts by</label>
          <select id="route-group-by" name="group_by_kind" defaultValue={values ? valueOf(values, 'group_by_kind') : ''} aria-describedby="route-group-by-help" {...fieldA11y('route', 'group_by', state)}>
            <option value="">Nothing: one message per alert</option>
            <option value="event_type">Event type</option>
            <option value="field">A field&apos;s value</option>
            <option value="group_key">The sender&apos;s group key (Alertmanager&apos;s groupKey)</option>
          </select>
          <p className="muted" id="route-group-by-help">
            Alerts with the same key share one message per channel, with a count and the newest members, updated in place; it is resolved with its
            last member.
          </p>
          <FieldError form="route" field="group_by" state={state} />
        </div>
        <div className="field">
          <label htmlFor="route-group-by-field">Field to group by (for “A field’s value”)</label>
          <input id="route-group-by-field" name="group_by_field" placeholder="e.g. region" defaultValue={valueOf(values, 'group_by_field')} />
        </div>
      </div>
      <label className="check">
        <input type="checkbox" name="enabled" defaultChecked={values ? values.enabled === 'on' : true} />
        Enabled
      </label>
      <SubmitRow pending={pending} state={state} label={submitLabel} pendingLabel="Saving…" />
    </form>
  );
}
