// While the database is away (stopped, restarting, unreachable) a request is answered 503 with Retry-After,
// never 500: the errors below are the real ones node-postgres and Prisma's pg adapter throw then.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import * as health from '@/app/api/health/route';
import { disconnectDb } from '@/lib/db';
import { provideEnv } from '@/lib/env';
import { isDatabaseUnavailable } from '../../lib/database-unavailable';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { errorPayload } from '../../lib/http/to-response';
import { freePort } from '../support/test-database';

const thrown = (work: () => Promise<unknown>) => work().then(() => expect.fail('expected a failure'), (error: unknown) => error);

describe('a request while the database is away', () => {
  it('is answered 503 with Retry-After for refused connections (pg and Prisma) and a server shutting down (57P01)', async () => {
    const url = `postgresql://postgres@127.0.0.1:${await freePort()}/x`;
    const pool = new pg.Pool({ connectionString: url });
    const prisma = new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: url })) });
    const victim = new pg.Client({ connectionString: inject('databaseUrl') });
    await victim.connect();
    victim.on('error', () => undefined);
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    const pid = ((await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!).pid;
    const terminated = thrown(() => victim.query('SELECT pg_sleep(5)'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    const errors = [await thrown(() => pool.query('SELECT 1')), await thrown(() => prisma.$queryRaw`SELECT 1`), await thrown(() => prisma.workspace.findFirst()), await terminated];
    await prisma.$disconnect();
    for (const error of errors) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(errorPayload(error)).toMatchObject({ status: 503, headers: { 'Retry-After': '5' }, body: { error: { code: 'unavailable' } } });
    }
  });

  it('answers GET /api/health 503 with Retry-After and its JSON body, and 200 again once the database is back', async () => {
    await disconnectDb();
    provideEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/x` });
    try {
      const away = await health.GET(new Request('http://localhost/api/health'));
      expect(away.status).toBe(503);
      expect(away.headers.get('retry-after')).toBe('5');
      expect(away.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await away.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await disconnectDb();
      provideEnv({ DATABASE_URL: inject('databaseUrl') });
    }
    const back = await health.GET(new Request('http://localhost/api/health'));
    expect(back.status).toBe(200);
    expect(back.headers.get('retry-after')).toBeNull();
    await disconnectDb();
  });

  it('leaves other failures alone: a bad statement is still a 500', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    const error = await thrown(() => client.query('SELECT * FROM no_such_table'));
    await client.end();
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection terminated by the user elsewhere'))).toBe(false);
    expect(errorPayload(error).status).toBe(500);
  });
});
