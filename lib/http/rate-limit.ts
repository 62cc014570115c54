// Per-API-key rate limiting: a token bucket per key (API_KEY_RATE_LIMIT requests per second, bursts up to one
// second's worth), kept in this process. Over the limit the caller gets 429 with Retry-After.
import { env } from '../env';
import { AppError } from '../errors';
import { processWide } from '../process-wide';

const buckets = processWide('rateLimitBuckets', () => new Map<string, { tokens: number; at: number }>());

/** RateLimitedError is a 429 that carries how many seconds to wait. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests for this API key; retry after ${retryAfterSeconds} s.`);
  }
}

/** takeToken spends one request of a key's allowance, or throws RateLimitedError. */
export function takeToken(key: string, now = Date.now(), perSecond = env().apiKeyRateLimit): void {
  const bucket = buckets.get(key) ?? { tokens: perSecond, at: now };
  bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
  bucket.at = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)));
  bucket.tokens -= 1;
}
