// Waking workers when work is committed. A worker in this process is woken directly (no round trip: the
// post is on its way within the same event-loop turn); workers in other processes sleep on a PostgreSQL
// LISTEN channel and are woken by NOTIFY. NOTIFY takes a cluster-wide lock until its transaction commits
// (WAL flush included), so it is never sent from the transactions that store work: it follows them, on its
// own, and bursts are coalesced into one notification in flight at a time. The payload names the kinds of
// work, so a worker claims only those. Workers also poll, so a lost wake-up only delays work by a poll.
import { randomUUID } from 'node:crypto';
import { sql } from '../db';
import { log } from '../log';
import { processWide } from '../process-wide';

/** WORK_CHANNEL is the LISTEN/NOTIFY channel for new or changed deferred work. */
export const WORK_CHANNEL = 'klaxon_work';

/** WorkKind names a kind of outbox work that a signal can wake workers for. */
export type WorkKind = 'post' | 'update' | 'reply' | 'job';

const state = processWide('workSignal', () => ({
  /** Identifies this process's notifications, so its own workers ignore what they were already told. */
  instance: randomUUID(),
  sending: false,
  kinds: new Set<WorkKind>(),
  listeners: new Set<(kinds: ReadonlySet<WorkKind>) => void>(),
}));

async function notify(): Promise<void> {
  state.sending = true;
  try {
    while (state.kinds.size > 0) {
      const payload = `${state.instance} ${[...state.kinds].join(',')}`;
      state.kinds.clear();
      await sql('SELECT pg_notify($1, $2)', [WORK_CHANNEL, payload]);
    }
  } catch (error) {
    log().warn({ err: error }, 'Could not wake the workers of other processes (they will poll)');
    state.kinds.clear();
  } finally {
    state.sending = false;
  }
}

/** signalWork wakes the workers after work of these kinds was committed. */
export function signalWork(...kinds: WorkKind[]): void {
  const woken = new Set(kinds);
  for (const listener of state.listeners) listener(woken);
  for (const kind of kinds) state.kinds.add(kind);
  if (!state.sending) void notify();
}

/** onWorkSignal subscribes an in-process worker to signals; it returns the unsubscribe function. */
export function onWorkSignal(listener: (kinds: ReadonlySet<WorkKind>) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** parseWorkNotification reads a NOTIFY payload; null when it came from this process (already delivered). */
export function parseWorkNotification(payload: string | undefined): Set<WorkKind> | null {
  const [instance, kinds] = (payload ?? '').split(' ');
  if (instance === state.instance) return null;
  const known: WorkKind[] = ['post', 'update', 'reply', 'job'];
  const named = (kinds ?? '').split(',').filter((kind): kind is WorkKind => (known as string[]).includes(kind));
  // A notification without kinds (an older sender) wakes every kind.
  return new Set(named.length > 0 ? named : known);
}
