// Health of this app instance, for load balancers: the process answers and the database responds.
import { db } from './db';
import { DATABASE_RETRY_AFTER_SECONDS, type PlainResponse } from './http/to-response';

/** Health reports whether the app can serve requests. */
export interface Health {
  status: 'ok' | 'unavailable' | 'stopping';
  database: 'ok' | 'unreachable';
}

const state = globalThis as unknown as { klaxonStopping?: boolean };

/** markStopping makes health answer 'stopping' from now on, so a load balancer drains this instance. */
export function markStopping(): void {
  state.klaxonStopping = true;
}

/** checkHealth runs a trivial query with a short timeout. */
export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref());
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { status: state.klaxonStopping ? 'stopping' : 'ok', database: 'ok' };
  } catch {
    return { status: 'unavailable', database: 'unreachable' };
  }
}

/**
 * healthAnswer is the answer of GET /api/health (and of a worker's GET /health): 200 when healthy, else 503 with
 * the Health as its JSON body. While the database is away it carries Retry-After, as every other answer then does
 * (lib/http/to-response.ts): a client that honours it comes back when a restart would be over.
 */
export async function healthAnswer(): Promise<PlainResponse> {
  const health = await checkHealth();
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (health.database === 'unreachable') headers['Retry-After'] = String(DATABASE_RETRY_AFTER_SECONDS);
  return { status: health.status === 'ok' ? 200 : 503, headers, body: health };
}
