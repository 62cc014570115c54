// How an HTTP server of Klaxon stops: no request in flight is cut unless it outlasts the grace period.
import type http from 'node:http';

/**
 * closeGracefully stops taking connections, lets the requests in flight finish (an alert being stored gets its
 * 202), closes idle keep-alive connections as they become idle, and cuts what is left after graceMs.
 */
export async function closeGracefully(server: http.Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection that finishes its request is closed rather than kept for another one.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearInterval(sweeper);
  clearTimeout(timer);
}
