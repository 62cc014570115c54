// Waking workers when work is committed. A worker in this process is woken directly (no round trip: the
// post is on its way within the same event-loop turn); workers in other processes sleep on a PostgreSQL
// LISTEN channel and are woken by NOTIFY. NOTIFY takes a cluster-wide lock until its transaction commits
// (WAL flush included), so it is never sent from the transactions that store work: it follows them, on its
// own, and bursts are coalesced into one notification in flight at a time. The payload names the kinds of
// work, so a worker claims only those. Workers also poll, so a lost wake-up only delays work by a poll.
// A worker in this process also hears which channels got new posts, so it can claim their heads at once, and
// takes the posts that the intake leased for it in the statement that stored them.
import { randomUUID } from 'node:crypto';
import { sql } from '../db';
import { log } from '../log';
import { processWide } from '../process-wide';
import type { ClaimedPost } from './deliveries';

/** WORK_CHANNEL is the LISTEN/NOTIFY channel for new or changed deferred work. */
export const WORK_CHANNEL = 'klaxon_work';

/** WorkKind names a kind of outbox work that a signal can wake workers for. */
export type WorkKind = 'post' | 'update' | 'reply' | 'job';

/** PostChannel is a channel of a workspace that has new posts queued. */
export interface PostChannel {
  workspaceId: string;
  channelId: string;
}

/**
 * WorkListener is an in-process worker told of committed work: its kinds, and the channels of new posts. It
 * returns true when it claims those posts itself: other processes' workers are then not woken for them.
 */
export type WorkListener = (kinds: ReadonlySet<WorkKind>, postChannels?: readonly PostChannel[]) => boolean;

/**
 * PostTaker is a worker in this process that takes posts the intake leased for it in the statement that
 * stored them (see intakeDeliveriesSql). take returns false when it no longer takes any (it is stopping).
 */
export interface PostTaker {
  leaseMs: number;
  take(posts: ClaimedPost[]): boolean;
}

const state = processWide('workSignal', () => ({
  takers: new Set<PostTaker>(),
  /** Identifies this process's notifications, so its own workers ignore what they were already told. */
  instance: randomUUID(),
  sending: false,
  kinds: new Set<WorkKind>(),
  listeners: new Set<WorkListener>(),
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

function signal(kinds: WorkKind[], postChannels?: readonly PostChannel[]): void {
  const woken = new Set(kinds);
  let postsTaken = false;
  for (const listener of state.listeners) postsTaken = listener(woken, postChannels) || postsTaken;
  for (const kind of kinds) if (kind !== 'post' || !postsTaken) state.kinds.add(kind);
  if (!state.sending && state.kinds.size > 0) void notify();
}

/** signalWork wakes the workers after work of these kinds was committed. */
export function signalWork(...kinds: WorkKind[]): void {
  signal(kinds);
}

/** signalNewPosts wakes the workers after posts to these channels were queued. */
export function signalNewPosts(channels: readonly PostChannel[]): void {
  signal(['post'], channels);
}

/** onWorkSignal subscribes an in-process worker to signals (and to leased posts); it returns the unsubscribe function. */
export function onWorkSignal(listener: WorkListener, taker?: PostTaker): () => void {
  state.listeners.add(listener);
  if (taker) state.takers.add(taker);
  return () => {
    state.listeners.delete(listener);
    if (taker) state.takers.delete(taker);
  };
}

/** postTaker is a worker in this process that takes leased posts, if there is one. */
export function postTaker(): PostTaker | null {
  for (const taker of state.takers) return taker;
  return null;
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
