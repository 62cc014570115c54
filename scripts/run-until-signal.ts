// Runs a long-lived process: start() returns its shutdown function, called once on Ctrl-C or SIGTERM.
import { EnvError } from '../lib/env';
import { log } from '../lib/log';

/** SHUTDOWN_LIMIT_MS bounds a shutdown: each part has its own bound (10 s), so this is only for a part that hangs. */
const SHUTDOWN_LIMIT_MS = 30_000;

/**
 * runUntilSignal starts a service and shuts it down cleanly on SIGINT/SIGTERM; start-up errors exit 1. A second
 * signal, or a shutdown still running after limitMs, exits at once with code 1: a stuck part must never leave a
 * process that ignores Ctrl-C and SIGTERM (seen: an app that held its port after its database was gone).
 */
export function runUntilSignal(start: () => Promise<() => Promise<void>>, limitMs = SHUTDOWN_LIMIT_MS): void {
  let shutdown: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log().warn({ signal }, 'Second signal: exiting without finishing the shutdown');
      process.exit(1);
    }
    stopping = true;
    log().info({ signal }, 'Shutting down');
    setTimeout(() => {
      log().error({ limitMs }, 'The shutdown did not finish in time; exiting');
      process.exit(1);
    }, limitMs).unref();
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
