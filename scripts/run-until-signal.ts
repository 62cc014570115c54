// Runs a long-lived process: start() returns its shutdown function, called once on Ctrl-C or SIGTERM.
import { EnvError } from '../lib/env';
import { log } from '../lib/log';

/** runUntilSignal starts a service and shuts it down cleanly on SIGINT/SIGTERM; start-up errors exit 1. */
export function runUntilSignal(start: () => Promise<() => Promise<void>>): void {
  let shutdown: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, 'Shutting down');
    try {
      await shutdown?.();
      process.exit(0);
    } catch (error) {
      log().error({ err: error }, 'Shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  start().then(
    (stopFn) => {
      shutdown = stopFn;
    },
    (error: unknown) => {
      // A malformed configuration is one plain line: the logger itself is configured from it.
      if (error instanceof EnvError) process.stderr.write(`${error.message}\n`);
      else log().fatal({ err: error }, 'Start-up failed');
      process.exit(1);
    },
  );
}
