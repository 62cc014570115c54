'use client';

import { useId, useState, useTransition } from 'react';
import type { ChannelOption } from '@/lib/channels/channel-options';

/**
 * ChannelPicker is a searchable list of the workspace's channels as checkboxes named `channels`. Channels
 * filtered out by the search stay in the form (hidden), so a search never drops a selection.
 */
export function ChannelPicker({
  initial,
  selected: initialSelected,
  refresh,
  describedBy,
}: {
  initial: ChannelOption[];
  selected: readonly string[];
  refresh: () => Promise<ChannelOption[]>;
  describedBy?: string;
}) {
  const id = useId();
  const [channels, setChannels] = useState(initial);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set(initialSelected));
  const [search, setSearch] = useState('');
  const [refreshing, startRefresh] = useTransition();
  const [note, setNote] = useState('');
  const needle = search.trim().replace(/^#/, '').toLowerCase();
  const visible = channels.filter((channel) => channel.name.toLowerCase().includes(needle));
  const unknown = [...selected].filter((channelId) => !channels.some((channel) => channel.id === channelId));

  function toggle(channelId: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(channelId);
    else next.delete(channelId);
    setSelected(next);
  }

  function refreshNow() {
    startRefresh(async () => {
      try {
        const fresh = await refresh();
        setChannels(fresh);
        setNote(`Channels refreshed from Slack: ${fresh.length} found.`);
      } catch {
        setNote('Could not refresh the channels from Slack. Try again in a moment.');
      }
    });
  }

  return (
    <fieldset className="field channel-picker" aria-describedby={describedBy}>
      <legend>Channels</legend>
      <div className="picker-bar">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search channels
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search channels"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search box must not submit the route form.
            if (event.key === 'Enter') event.preventDefault();
          }}
          aria-controls={`${id}-list`}
        />
        <button type="button" className="button" onClick={refreshNow} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh channels'}
        </button>
      </div>
      <p className="hint">
        Private channels are listed only once Klaxon is in them: type <code>/invite @Klaxon</code> in the channel, then refresh. Archived channels
        can&apos;t receive alerts.
      </p>
      <p className="muted small" role="status" aria-live="polite">
        {note || `${selected.size} selected`}
      </p>
      <ul className="channel-list" id={`${id}-list`}>
        {channels.map((channel) => {
          const checked = selected.has(channel.id);
          const hintId = `${id}-${channel.id}-hint`;
          return (
            <li key={channel.id} hidden={!visible.includes(channel)} className={channel.unavailable ? 'unavailable' : undefined}>
              <label className="check">
                <input
                  type="checkbox"
                  name="channels"
                  value={channel.id}
                  checked={checked}
                  disabled={Boolean(channel.unavailable) && !checked}
                  onChange={(event) => toggle(channel.id, event.target.checked)}
                  aria-describedby={channel.unavailable ? hintId : undefined}
                />
                <span>
                  {channel.isPrivate ? '' : '#'}
                  {channel.name}
                </span>
                {channel.isPrivate && <span className="pill pill-muted">private</span>}
              </label>
              {channel.unavailable && (
                <span className="hint" id={hintId}>
                  {channel.unavailable}
                </span>
              )}
            </li>
          );
        })}
        {visible.length === 0 && <li className="muted">No channel matches “{search}”.</li>}
      </ul>
      {unknown.map((channelId) => (
        <input key={channelId} type="hidden" name="channels" value={channelId} />
      ))}
    </fieldset>
  );
}
