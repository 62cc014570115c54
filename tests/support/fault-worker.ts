// A worker process for fault tests (`tsx tests/support/fault-worker.ts <leaseMs>`): Klaxon's own worker, with a
// lease short enough that the jobs of a worker killed mid-run are taken over within seconds, not minutes.
import { startWorker } from '../../lib/outbox/worker';
import { prepareRuntime } from '../../lib/runtime/prepare-runtime';
import { runUntilSignal } from '../../scripts/run-until-signal';

runUntilSignal(async () => {
  await prepareRuntime(() => undefined);
  const worker = startWorker({ leaseMs: Number(process.argv[2]), pollMs: 50 });
  process.stdout.write('ready\n');
  return () => worker.stop();
});
