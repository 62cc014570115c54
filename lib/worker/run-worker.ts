// The delivery worker: sleeps on LISTEN until work is committed (or a short poll finds retries that came
// due), then claims batches of deliveries and thread replies and processes them concurrently. It runs
// inside `npm start` and, for scale, as separate `npm run worker` processes sharing one PostgreSQL.
import pg from 'pg';
import { claimDeliveries, claimReplies } from '../delivery/delivery-queue';
import { deliver } from '../delivery/deliver';
import { sendReply } from '../delivery/send-reply';
import { WORK_CHANNEL } from '../delivery/work-signal';
import { env } from '../env';

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

/** startWorker starts the loop; stop() waits for in-flight work to finish. */
export function startWorker(log: (line: string) => void, options: WorkerOptions = {}): Worker {
  const batchSize = options.batchSize ?? 32;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 500;
  let running = true;
  // A notification that arrives while the worker is busy must not be lost: it leaves `pending` set.
  let pending = false;
  const signal: { wake: (() => void) | null } = { wake: null };
  const listener = new pg.Client({ connectionString: env().databaseUrl });

  // The earliest posting slot this worker put a delivery back for: it wakes for it (a few ms late, so the
  // claim finds the row due) rather than at the next poll.
  let dueAgain = Infinity;
  const SLOT_WAKE_MARGIN_MS = 3;

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending || !running) return resolve();
      const timer = setTimeout(resolve, Math.max(0, Math.min(pollMs, dueAgain + SLOT_WAKE_MARGIN_MS - Date.now())));
      signal.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const drain = async () => {
    dueAgain = Infinity;
    for (;;) {
      pending = false;
      const [deliveries, replies] = await Promise.all([claimDeliveries(batchSize, leaseMs), claimReplies(batchSize, leaseMs)]);
      if (deliveries.length === 0 && replies.length === 0) return;
      const [slots] = await Promise.all([Promise.all(deliveries.map(deliver)), Promise.all(replies.map(sendReply))]);
      for (const slot of slots) if (slot) dueAgain = Math.min(dueAgain, slot.getTime());
      if (!running) return;
    }
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
      log(`Worker could not LISTEN (falling back to polling): ${String(error)}`);
    }
    while (running) {
      try {
        await drain();
      } catch (error) {
        log(`Worker iteration failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (running) await sleep();
    }
  })();

  log('Delivery worker started.');
  return {
    stop: async () => {
      running = false;
      signal.wake?.();
      await loop;
      await listener.end().catch(() => undefined);
      log('Delivery worker stopped.');
    },
  };
}
