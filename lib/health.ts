// Health of this app instance, for load balancers: the process answers and the database responds.
import { db } from './db';

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
