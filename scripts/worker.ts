// `npm run worker`: a delivery worker as its own process, sharing the app's PostgreSQL.
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { startWorker } from '../lib/outbox/worker';
import { runUntilSignal } from './run-until-signal';

const log = (line: string) => console.log(`[klaxon worker] ${line}`);

runUntilSignal(async () => {
  const runtime = await prepareRuntime(log);
  const worker = startWorker();
  return async () => {
    await worker.stop();
    await runtime.stop();
  };
});
