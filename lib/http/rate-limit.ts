// The per-key rate limit, shared by every app instance: a token bucket per key (API_KEY_RATE_LIMIT requests
// per second, bursts up to one second's worth) kept in PostgreSQL, or in Redis when REDIS_URL is set.
//
// Each instance leases slices of a key's allowance from the shared bucket (1/50 of a second's worth at a time,
// topped up in the background before it runs out) and spends them locally, so a store round trip costs one
// request in ~60 at the default limit instead of every request. Measured on this 2-core machine, 32 callers on
// one key: rate-limiter-flexible's PostgreSQL store, one upsert of the key's row per request, serialised at
// 515–1,628 requests/s, below the ~3,300 alerts/s the intake takes; its Redis store reached 17–24k/s but cost
// 33 µs of app CPU per request (~10 % of an alert's cost here) plus Redis' own. A token is spent once
// wherever it is held, so instances together never exceed the bucket; unspent leases lapse after a second.
import { AppError } from '../errors';
import { env } from '../env';
import { log } from '../log';
import { processWide } from '../process-wide';
import { postgresAllowanceStore, redisAllowanceStore, type AllowanceStore } from './rate-limit-stores';

/** RateLimitedError is a 429 that carries how many seconds to wait. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests for this API key; retry after ${retryAfterSeconds} s.`);
  }
}

const SLICES_PER_SECOND = 50;
const LEASE_MS = 1_000;
const STORE_ERROR_LOG_MS = 10_000;

interface Lease {
  tokens: number;
  expiresAt: number;
  /** No lease is asked for before this time (the bucket was empty, or the store failed). */
  notBefore: number;
  pending: Promise<void> | null;
}

/** SharedRateLimiter spends a key's allowance from leases on a store shared by every instance. */
export class SharedRateLimiter {
  private readonly leases = new Map<string, Lease>();
  private lastStoreError = 0;

  constructor(
    private readonly store: AllowanceStore,
    private readonly perSecond: () => number = () => env().apiKeyRateLimit,
  ) {}

  /** spend takes one request of a key's allowance, or throws RateLimitedError. */
  async spend(key: string): Promise<void> {
    const lease = this.leaseOf(key);
    if (this.takeLocal(key, lease)) return;
    const now = Date.now();
    if (now < lease.notBefore) throw new RateLimitedError(Math.max(1, Math.ceil((lease.notBefore - now) / 1000)));
    await (lease.pending ?? this.renew(key, lease));
    if (this.takeLocal(key, lease)) return;
    throw new RateLimitedError(Math.max(1, Math.ceil((lease.notBefore - Date.now()) / 1000)));
  }

  /** close releases the store's connection, if it has its own. */
  close(): Promise<void> {
    return this.store.close();
  }

  private leaseOf(key: string): Lease {
    let lease = this.leases.get(key);
    if (!lease) {
      // Keys come and go with API keys: forget every lease rather than grow without bound.
      if (this.leases.size >= 10_000) this.leases.clear();
      lease = { tokens: 0, expiresAt: 0, notBefore: 0, pending: null };
      this.leases.set(key, lease);
    }
    return lease;
  }

  private slice(): number {
    return Math.max(1, Math.floor(this.perSecond() / SLICES_PER_SECOND));
  }

  private takeLocal(key: string, lease: Lease): boolean {
    const now = Date.now();
    if (lease.expiresAt <= now) lease.tokens = 0;
    if (lease.tokens < 1) return false;
    lease.tokens -= 1;
    // Top up before the lease runs out, so that requests seldom wait for the store.
    if (lease.tokens < this.slice() / 2 && !lease.pending && now >= lease.notBefore) void this.renew(key, lease);
    return true;
  }

  private renew(key: string, lease: Lease): Promise<void> {
    const perSecond = this.perSecond();
    const wanted = this.slice();
    lease.pending = this.store
      .take(key, wanted, perSecond, perSecond)
      .then(
        ({ granted, waitSeconds }) => {
          const now = Date.now();
          if (lease.expiresAt <= now) lease.tokens = 0;
          lease.tokens += granted;
          lease.expiresAt = now + LEASE_MS;
          lease.notBefore = granted === 0 ? now + waitSeconds * 1000 : 0;
        },
        (error: unknown) => {
          // An alerting product keeps taking alerts when the limit's store fails: this instance then limits
          // on its own, one slice at a time at the key's rate.
          const now = Date.now();
          if (now - this.lastStoreError > STORE_ERROR_LOG_MS) {
            this.lastStoreError = now;
            log().warn({ err: error }, 'The rate limit store failed; limiting in this instance alone until it answers');
          }
          lease.tokens += wanted;
          lease.expiresAt = now + LEASE_MS;
          lease.notBefore = now + (wanted / perSecond) * 1000;
        },
      )
      .finally(() => {
        lease.pending = null;
      });
    return lease.pending;
  }
}

const shared = processWide('rateLimiter', () => ({ limiter: null as SharedRateLimiter | null, storeUrl: '' }));

function limiter(): SharedRateLimiter {
  const { redisUrl } = env();
  const storeUrl = redisUrl ?? 'postgresql';
  if (!shared.limiter || shared.storeUrl !== storeUrl) {
    void shared.limiter?.close();
    shared.limiter = new SharedRateLimiter(redisUrl ? redisAllowanceStore(redisUrl) : postgresAllowanceStore());
    shared.storeUrl = storeUrl;
  }
  return shared.limiter;
}

/** spendAllowance takes one request of a key's shared allowance, or throws RateLimitedError (429). */
export function spendAllowance(key: string): Promise<void> {
  return limiter().spend(key);
}
