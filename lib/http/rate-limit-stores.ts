// Where the per-key token buckets live, shared by every instance: PostgreSQL (the default: every Klaxon has
// one) or Redis. Both run the same bucket arithmetic in one atomic step on the store's own clock, so instances
// with skewed clocks still agree.
import { Redis } from 'ioredis';
import { sqlPool } from '../db';

/** Taken is what one lease got: whole tokens, and when none, how long until the bucket holds one again. */
export interface Taken {
  granted: number;
  waitSeconds: number;
}

/** AllowanceStore keeps token buckets; take refills a key's bucket by the time passed and removes up to `wanted` tokens. */
export interface AllowanceStore {
  take(key: string, wanted: number, perSecond: number, capacity: number): Promise<Taken>;
  close(): Promise<void>;
}

const refilled = 'LEAST($3::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b.updated_at)::float8) * $2::float8)';
const TAKE_SQL = `
  INSERT INTO rate_limit_buckets AS b (key, tokens, granted, updated_at)
  VALUES ($1, $3::float8 - LEAST($4::int, FLOOR($3::float8)::int), LEAST($4::int, FLOOR($3::float8)::int), now())
  ON CONFLICT (key) DO UPDATE SET
    granted = LEAST($4::int, FLOOR(${refilled})::int),
    tokens = ${refilled} - LEAST($4::int, FLOOR(${refilled})::int),
    updated_at = GREATEST(b.updated_at, now())
  RETURNING granted, tokens`;

function taken(granted: number, tokens: number, perSecond: number): Taken {
  return { granted, waitSeconds: granted > 0 ? 0 : Math.max(0, 1 - tokens) / perSecond };
}

/** postgresAllowanceStore keeps buckets in the rate_limit_buckets table, one row per key. */
export function postgresAllowanceStore(pool = sqlPool()): AllowanceStore {
  return {
    async take(key, wanted, perSecond, capacity) {
      const { rows } = await pool.query<{ granted: number; tokens: number }>(TAKE_SQL, [key, perSecond, capacity, wanted]);
      return taken(rows[0]!.granted, rows[0]!.tokens, perSecond);
    },
    close: () => Promise.resolve(),
  };
}

// KEYS[1] the bucket; ARGV rate per second, capacity, wanted. Redis' TIME is the clock; idle buckets expire.
const TAKE_LUA = `
local rate, capacity, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', math.max(at, now)))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 60)
return { granted, string.format('%.17g', tokens) }`;

type TakeCommand = (key: string, perSecond: number, capacity: number, wanted: number) => Promise<[number, string]>;

/** redisAllowanceStore keeps buckets as Redis hashes under `klaxon:rate:`. */
export function redisAllowanceStore(url: string): AllowanceStore {
  // Give up on a command after one reconnection attempt: while Redis is away the limiter limits locally.
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // Reported by the limiter when a lease fails; ioredis reconnects.
  redis.defineCommand('klaxonTakeTokens', { numberOfKeys: 1, lua: TAKE_LUA });
  const takeTokens = (redis as unknown as { klaxonTakeTokens: TakeCommand }).klaxonTakeTokens.bind(redis);
  return {
    async take(key, wanted, perSecond, capacity) {
      const [granted, tokens] = await takeTokens(`klaxon:rate:${key}`, perSecond, capacity, wanted);
      return taken(granted, Number(tokens), perSecond);
    },
    close: () => {
      redis.disconnect();
      return Promise.resolve();
    },
  };
}
