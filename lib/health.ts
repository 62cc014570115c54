// Health of this app instance, for load balancers: the process answers and the database responds.
import { db } from './db';

/** Health reports whether the app can serve requests. */
export interface Health {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
}

/** checkHealth runs a trivial query with a short timeout. */
export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref());
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'unavailable', database: 'unreachable' };
  }
}
