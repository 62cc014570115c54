// The small HTTP server of a worker process (`npm run worker` with WORKER_METRICS_PORT): GET /metrics in
// Prometheus' text format and GET /health for an orchestrator. It listens on a port of its own, meant for the
// scraper's network, so it asks no token (the app's /api/metrics, on the public port, does).
import http from 'node:http';
import { healthAnswer } from '../health';
import { log } from '../log';
import { metricsText } from '../metrics';

/** MetricsServer is a listening metrics server. */
export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

async function answer(request: http.IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const path = request.url?.split('?')[0];
  if (request.method === 'GET' && path === '/metrics') {
    const { contentType, body } = await metricsText();
    return { status: 200, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' }, body };
  }
  if (request.method === 'GET' && path === '/health') {
    const health = await healthAnswer();
    return { status: health.status, headers: { ...health.headers, 'Content-Type': 'application/json' }, body: JSON.stringify(health.body) };
  }
  return { status: 404, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }, body: 'Not found: GET /metrics or /health.\n' };
}

/** startMetricsServer listens on port (0 picks a free one) on every interface. */
export async function startMetricsServer(port: number): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    answer(request).then(
      ({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(body);
      },
      (error: unknown) => {
        log().error({ err: error }, 'The metrics server failed to answer');
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  const listening = (server.address() as { port: number }).port;
  log().info({ port: listening }, 'Worker metrics served on GET /metrics and /health');
  return {
    port: listening,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
