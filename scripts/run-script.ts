// Runs a script's main function and turns a failure into one readable line and a non-zero exit code.
import { EnvError } from '../lib/env';

/** runScript runs main, printing a configuration error as one line rather than a stack trace. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof EnvError ? error.message : error);
      process.exit(1);
    },
  );
}
