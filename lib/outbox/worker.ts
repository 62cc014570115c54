// The delivery worker: sleeps on LISTEN until work is committed (or a short poll finds retries that came
// due), then claims deliveries and thread replies and processes them concurrently, topping up as they
// finish. It runs inside `npm start` and, for scale, as separate `npm run worker` processes sharing one
// PostgreSQL.
import pg from 'pg';
import { claimDeliveries, claimReplies } from '../delivery/delivery-queue';
import { deliver } from '../delivery/deliver';
import { sendReply } from '../delivery/send-reply';
import { WORK_CHANNEL } from './signal';
import { env } from '../env';
import { log } from '../log';

/** Worker is a running worker loop. */
export interface Worker {
  stop(): Promise<void>;
}

/** WorkerOptions tune a worker; the defaults suit production. */
export interface WorkerOptions {
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
}

/**
 * startWorker starts the loop; stop() waits for in-flight work to finish. Up to about `batchSize` deliveries
 * (and as many thread replies) are in flight at once, and the loop tops them up as they finish, so one slow
 * or hanging Slack call holds only its own place, never the deliveries behind it.
 */
export function startWorker(options: WorkerOptions = {}): Worker {
  const batchSize = options.batchSize ?? 32;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 500;
  let running = true;
  // A notification that arrives while the worker is busy must not be lost: it leaves `pending` set.
  let pending = false;
  const signal: { wake: (() => void) | null } = { wake: null };
  const listener = new pg.Client({ connectionString: env().databaseUrl });

  // The posting slots this worker put deliveries back for: it wakes for the next one (a few ms late, so the
  // claim finds the row due) rather than at the next poll.
  let slots: number[] = [];
  const SLOT_WAKE_MARGIN_MS = 3;
  let sleepingUntil = Infinity;
  const nextSlot = () => slots.reduce((earliest, slot) => Math.min(earliest, slot), Infinity) + SLOT_WAKE_MARGIN_MS;
  const noteSlot = (slot: Date | null) => {
    if (!slot) return;
    slots.push(slot.getTime());
    // Noted while the loop sleeps past it: wake it to sleep again until the slot instead.
    if (slot.getTime() + SLOT_WAKE_MARGIN_MS < sleepingUntil) signal.wake?.();
  };

  const inFlight = new Set<Promise<void>>();
  // The last claim took all the room it had, so more work may be due: finishing work wakes the loop once half
  // the room is free (topping up one place at a time would cost a claim per delivery).
  let mayHaveMore = false;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => {
      inFlight.delete(work);
      if (mayHaveMore && inFlight.size <= batchSize / 2) {
        pending = true;
        signal.wake?.();
      }
    });
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending || !running) return resolve();
      const ms = Math.max(0, Math.min(pollMs, nextSlot() - Date.now()));
      sleepingUntil = Date.now() + ms;
      const done = () => {
        sleepingUntil = Infinity;
        signal.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.wake = () => {
        clearTimeout(timer);
        done();
      };
    });

  /** claimMore starts due work in the free room and notes whether it filled it (then more may be due). */
  const claimMore = async (): Promise<void> => {
    pending = false;
    const now = Date.now();
    slots = slots.filter((slot) => slot + SLOT_WAKE_MARGIN_MS > now);
    const room = batchSize - inFlight.size;
    if (room <= 0) return;
    const [deliveries, replies] = await Promise.all([claimDeliveries(room, leaseMs), claimReplies(room, leaseMs)]);
    for (const delivery of deliveries) track(deliver(delivery).then(noteSlot));
    for (const reply of replies) track(sendReply(reply));
    mayHaveMore = deliveries.length === room || replies.length === room;
  };

  const loop = (async () => {
    try {
      await listener.connect();
      listener.on('notification', () => {
        pending = true;
        signal.wake?.();
      });
      await listener.query(`LISTEN ${WORK_CHANNEL}`);
    } catch (error) {
      log().warn({ err: error }, 'Worker could not LISTEN (falling back to polling)');
    }
    while (running) {
      try {
        await claimMore();
      } catch (error) {
        log().error({ err: error }, 'Worker iteration failed');
      }
      if (running) await sleep();
    }
    await Promise.all(inFlight);
  })();

  log().info('Delivery worker started.');
  return {
    stop: async () => {
      running = false;
      signal.wake?.();
      await loop;
      await listener.end().catch(() => undefined);
      log().info('Delivery worker stopped.');
    },
  };
}
