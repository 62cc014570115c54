// The per-key rate limit shared by every instance: the bucket arithmetic of both stores, two independent
// limiters ("two app processes", each with its own connection) holding the combined allowance within 10 %,
// and an instance that keeps limiting on its own when its store fails.
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToIo, setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { env } from '@/lib/env';
import { RateLimitedError, SharedRateLimiter } from '@/lib/http/rate-limit';
import { postgresAllowanceStore, redisAllowanceStore, type AllowanceStore } from '@/lib/http/rate-limit-stores';

const pools: pg.Pool[] = [];
function postgresStore(): AllowanceStore {
  const pool = new pg.Pool({ connectionString: env().databaseUrl, max: 4 });
  pools.push(pool);
  return postgresAllowanceStore(pool);
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
// A user's machine may have no Redis: the Redis store's tests then say so instead of failing.
const redisMissing = !(await redisAnswers());

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await disconnectDb();
});

const uniqueKey = () => `test-key-${randomBytes(6).toString('hex')}`;

// Callers hammer one key through several limiters for `seconds`; returns how many requests were let through.
async function hammer(limiters: SharedRateLimiter[], key: string, seconds: number): Promise<{ admitted: number; elapsed: number }> {
  let admitted = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    limiters.flatMap((limiter) =>
      Array.from({ length: 8 }, async () => {
        while (Date.now() < deadline) {
          try {
            await limiter.spend(key);
            admitted += 1;
            await yieldToIo();
          } catch (error) {
            expect(error).toBeInstanceOf(RateLimitedError);
            await sleep(2);
          }
        }
      }),
    ),
  );
  return { admitted, elapsed: (Date.now() - started) / 1000 };
}

async function expectSharedLimit(stores: () => AllowanceStore) {
  const perSecond = 400;
  const limiters = [new SharedRateLimiter(stores(), () => perSecond), new SharedRateLimiter(stores(), () => perSecond)];
  const { admitted, elapsed } = await hammer(limiters, uniqueKey(), 3);
  // A full bucket (one second's worth) plus the refill while the callers ran.
  const allowed = perSecond + perSecond * elapsed;
  expect(admitted).toBeGreaterThan(allowed * 0.9);
  expect(admitted).toBeLessThan(allowed * 1.1);
  await Promise.all(limiters.map((limiter) => limiter.close()));
}

describe.each([
  ['PostgreSQL', postgresStore, false],
  ['Redis', () => redisAllowanceStore(REDIS_URL), redisMissing],
] as const)('the %s store', (_name, store, missing) => {
  it.skipIf(missing)('refills by the time passed, up to the capacity, and takes whole tokens', async () => {
    const bucket = store();
    const key = uniqueKey();
    expect(await bucket.take(key, 2, 3, 3)).toEqual({ granted: 2, waitSeconds: 0 });
    expect(await bucket.take(key, 2, 3, 3)).toEqual({ granted: 1, waitSeconds: 0 });
    const empty = await bucket.take(key, 2, 3, 3);
    expect(empty.granted).toBe(0);
    expect(empty.waitSeconds).toBeGreaterThan(0);
    expect(empty.waitSeconds).toBeLessThanOrEqual(1 / 3);
    await sleep(700); // ~2 tokens at 3 per second
    expect((await bucket.take(key, 5, 3, 3)).granted).toBe(2);
    await sleep(1500); // more than fills it: capped at 3
    expect((await bucket.take(key, 5, 3, 3)).granted).toBe(3);
    await bucket.close();
  });

  it.skipIf(missing)('holds the combined allowance of two instances within 10 %', async () => {
    await expectSharedLimit(store);
  });
});

describe('the limiter', () => {
  it('answers 429 with Retry-After once a key has spent its burst, and lets it through again after', async () => {
    const limiter = new SharedRateLimiter(postgresStore(), () => 3);
    const key = uniqueKey();
    for (let i = 0; i < 3; i += 1) await limiter.spend(key);
    const refused = await limiter.spend(key).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(1);
    await sleep(400);
    await expect(limiter.spend(key)).resolves.toBeUndefined();
  });

  it('limits in its own instance while the store fails, instead of refusing every alert', async () => {
    let calls = 0;
    const broken: AllowanceStore = {
      take: () => {
        calls += 1;
        return Promise.reject(new Error('store down'));
      },
      close: () => Promise.resolve(),
    };
    const limiter = new SharedRateLimiter(broken, () => 100);
    const { admitted, elapsed } = await hammer([limiter], uniqueKey(), 1);
    expect(calls).toBeGreaterThan(0);
    expect(admitted).toBeGreaterThan(0);
    expect(admitted).toBeLessThan(100 * elapsed * 1.5 + 10);
  });
});
