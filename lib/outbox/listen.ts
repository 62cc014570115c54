// The LISTEN connection a worker hears other processes' work signals on (see signal.ts). It is a connection of
// its own, outside the pool, so it is kept alive here: when the server closes it (a restart, a failover) it is
// opened again with backoff, and the worker is told to look for every kind of work, since signals sent while
// it was away are lost. Meanwhile the worker's poll keeps the work moving, only later.
import pg from 'pg';
import { env } from '../env';
import { log } from '../log';
import { parseWorkNotification, WORK_CHANNEL, type WorkKind } from './signal';

const RETRY_MS = { first: 500, max: 30_000 };

/** WorkListening is an open (or reopening) LISTEN connection. */
export interface WorkListening {
  close(): Promise<void>;
}

/** listenForWork hears work signals from other processes and hands on their kinds (all kinds after a reconnect). */
export function listenForWork(onKinds: (kinds: Iterable<WorkKind>) => void, allKinds: readonly WorkKind[]): WorkListening {
  let closed = false;
  let client: pg.Client | null = null;
  let retryMs = RETRY_MS.first;
  let timer: NodeJS.Timeout | null = null;

  const reopen = (error: unknown) => {
    if (closed || timer) return;
    log().warn({ err: error, retryInMs: retryMs }, 'Worker lost its LISTEN connection (polling until it is back)');
    const lost = client;
    client = null;
    void lost?.end().catch(() => undefined);
    timer = setTimeout(() => {
      timer = null;
      void open(true);
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  };

  const open = async (again: boolean) => {
    const next = new pg.Client({ connectionString: env().databaseUrl });
    // Unheard, a connection's 'error' would end the process.
    next.on('error', reopen);
    next.on('end', () => {
      if (client === next) reopen(new Error('the LISTEN connection ended'));
    });
    next.on('notification', (message) => {
      const wanted = parseWorkNotification(message.payload);
      if (wanted) onKinds(wanted);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${WORK_CHANNEL}`);
      if (closed) return void (await next.end().catch(() => undefined));
      client = next;
      retryMs = RETRY_MS.first;
      if (again) {
        log().info('Worker is listening again');
        onKinds(allKinds);
      }
    } catch (error) {
      void next.end().catch(() => undefined);
      reopen(error);
    }
  };

  void open(false);
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
