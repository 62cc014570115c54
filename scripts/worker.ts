// `npm run worker`: a delivery worker as its own process, sharing the app's PostgreSQL; with
// WORKER_METRICS_PORT set it also serves GET /metrics and GET /health on that port.
import { env } from '../lib/env';
import { startMetricsServer } from '../lib/runtime/metrics-server';
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { startWorker } from '../lib/outbox/worker';
import { runUntilSignal } from './run-until-signal';

runUntilSignal(async () => {
  const runtime = await prepareRuntime();
  const worker = startWorker();
  const port = env().workerMetricsPort;
  const metricsServer = port === undefined ? null : await startMetricsServer(port);
  return async () => {
    await metricsServer?.close();
    await worker.stop();
    await runtime.stop();
  };
});
