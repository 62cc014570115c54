'use client';

import { useActionState } from 'react';
import { saveUnroutedChannel, type UnroutedChannelState } from './actions';

/** UnroutedChannelForm picks the channel that receives alerts no route matches. */
export function UnroutedChannelForm({
  teamId,
  current,
  channels,
  readOnly,
}: {
  teamId: string;
  current: string | null;
  channels: Array<{ id: string; name: string; usable: boolean }>;
  readOnly: boolean;
}) {
  const [state, action, pending] = useActionState<UnroutedChannelState, FormData>(saveUnroutedChannel.bind(null, teamId), { message: null, error: null });
  return (
    <form action={action} className="stack">
      <label htmlFor="unrouted_channel">Channel for alerts that no route matches</label>
      <select id="unrouted_channel" name="unrouted_channel" defaultValue={current ?? ''} disabled={readOnly} aria-describedby="unrouted-help">
        <option value="">None: keep them in the dashboard only</option>
        {channels.map((channel) => (
          <option key={channel.id} value={channel.id} disabled={!channel.usable}>
            #{channel.name}
            {channel.usable ? '' : ' (invite the bot first)'}
          </option>
        ))}
      </select>
      <p id="unrouted-help" className="muted">
        Unrouted alerts are always stored and listed; with a channel set they are also posted there.
      </p>
      {!readOnly && (
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
      )}
      <p role="status" aria-live="polite" className={state.error ? 'field-error' : 'muted'}>
        {state.error ?? state.message}
      </p>
    </form>
  );
}
