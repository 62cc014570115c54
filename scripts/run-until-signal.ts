// Runs a long-lived process: start() returns its shutdown function, called once on Ctrl-C or SIGTERM.
import { EnvError } from '../lib/env';

/** runUntilSignal starts a service and shuts it down cleanly on SIGINT/SIGTERM; start-up errors exit 1. */
export function runUntilSignal(start: () => Promise<() => Promise<void>>): void {
  let shutdown: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[klaxon] ${signal}: shutting down …`);
    try {
      await shutdown?.();
      process.exit(0);
    } catch (error) {
      console.error('[klaxon] Shutdown failed:', error);
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
      console.error(error instanceof EnvError ? error.message : `[klaxon] Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
