// Workers sleep on a PostgreSQL LISTEN channel and are woken by NOTIFY when delivery work is committed.
// NOTIFY takes a cluster-wide lock until its transaction commits (WAL flush included), so it is never sent
// from the transactions that store alerts: it follows them, on its own, and bursts are coalesced into one
// wake-up in flight at a time. Workers also poll, so a lost wake-up only delays work by a poll interval.
import { sqlPool } from '../db';
import { processWide } from '../process-wide';

/** WORK_CHANNEL is the LISTEN/NOTIFY channel for new or changed delivery work. */
export const WORK_CHANNEL = 'klaxon_work';

const state = processWide('workSignal', () => ({ sending: false, again: false }));

async function notify(): Promise<void> {
  state.sending = true;
  try {
    do {
      state.again = false;
      await sqlPool().query('SELECT pg_notify($1, $2)', [WORK_CHANNEL, '']);
    } while (state.again);
  } catch (error) {
    console.error('Could not wake the delivery workers (they will poll):', error instanceof Error ? error.message : error);
  } finally {
    state.sending = false;
  }
}

/** signalWork wakes the workers after new work was committed. */
export function signalWork(): void {
  if (state.sending) state.again = true;
  else void notify();
}
