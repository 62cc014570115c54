// Runs a script's main function and turns a failure into one readable line and a non-zero exit code.
import { EnvError } from '../lib/env';
import { log } from '../lib/log';

/** runScript runs main, printing a configuration error as one line rather than a stack trace. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      // A malformed configuration is one plain line: the logger itself is configured from it.
      if (error instanceof EnvError) process.stderr.write(`${error.message}\n`);
      else log().error({ err: error }, 'The script failed');
      process.exit(1);
    },
  );
}
