// The delivery worker's lifecycle. It runs inside `npm start` and, for scale, as separate `npm run worker`
// processes sharing the same PostgreSQL. Delivery jobs arrive with the alerts feature; until then the loop
// only keeps the process alive and stops cleanly.

/** Worker is a running worker loop. */
export interface Worker {
  stop(): Promise<void>;
}

/** startWorker starts the worker loop; stop() resolves once the current iteration has finished. */
export function startWorker(log: (line: string) => void): Worker {
  const timer = setInterval(() => undefined, 60_000);
  log('Delivery worker started.');
  return {
    stop: () => {
      clearInterval(timer);
      log('Delivery worker stopped.');
      return Promise.resolve();
    },
  };
}
