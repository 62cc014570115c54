// A service whose shutdown never finishes, to show that a stuck part cannot keep a Klaxon process alive.
import { runUntilSignal } from '../../scripts/run-until-signal';

runUntilSignal(
  () => {
    // Running, as a server would be (an open handle keeps the process alive).
    const running = setInterval(() => undefined, 1000);
    process.stdout.write('started\n');
    return Promise.resolve(() => new Promise<void>(() => void running));
  },
  Number(process.argv[2]),
);
