// `npm run worker`: a delivery worker as its own process, sharing the app's PostgreSQL; with
// WORKER_METRICS_PORT set it also serves GET /metrics and GET /health on that port.
import { disconnectDb } from '../lib/db';
import { env } from '../lib/env';
import { startMetricsServer } from '../lib/runtime/metrics-server';
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { startWorker } from '../lib/outbox/worker';
import { runUntilSignal } from './run-until-signal';

runUntilSignal(async () => {
  const runtime = await prepareRuntime();
  const worker = startWorker();
  const port = env().workerMetricsPort;
  const stop = async (metricsServer: { close(): Promise<void> } | null) => {
    await metricsServer?.close();
    await worker.stop();
    await disconnectDb();
    await runtime.stop();
  };
  // A taken metrics port stops what started (the embedded PostgreSQL would outlive this process).
  const metricsServer = port === undefined ? null : await startMetricsServer(port).catch(async (error: unknown) => {
    await stop(null);
    throw error;
  });
  return () => stop(metricsServer);
});
