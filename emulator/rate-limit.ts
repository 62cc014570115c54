/**
 * Token-bucket rate limiting, the way the emulator approximates Slack's limits.
 */

/** BucketPolicy is a bucket's size (the burst) and how fast it refills. */
export interface BucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

/**
 * CHANNEL_POST_POLICY paces chat.postMessage per channel: 1 message per second sustained, with a short
 * burst of 3 tolerated (Slack: "1 message per second to a specific channel, with limits for short bursts").
 * A fourth post within a second gets 429.
 */
export const CHANNEL_POST_POLICY: BucketPolicy = { capacity: 3, refillPerSecond: 1 };

/** TIER3_POLICY is Slack's Tier 3 (50+ calls/min per workspace), allowing a burst of 50. */
export const TIER3_POLICY: BucketPolicy = { capacity: 50, refillPerSecond: 50 / 60 };

/** RateLimiter keeps one token bucket per key. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  /** take spends one token from `key`'s bucket: 0 when allowed, else the whole seconds to wait (Retry-After). */
  take(key: string, policy: BucketPolicy): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: policy.capacity, at: now };
    const refilled = Math.min(policy.capacity, bucket.tokens + ((now - bucket.at) / 1000) * policy.refillPerSecond);
    // A client that waits exactly Retry-After may come back a few ms early (timer jitter): tolerate 50 ms.
    if (refilled < 1 - 0.05 * policy.refillPerSecond) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return Math.max(1, Math.ceil((1 - refilled) / policy.refillPerSecond));
    }
    this.buckets.set(key, { tokens: Math.max(0, refilled - 1), at: now });
    return 0;
  }

  /** clear forgets every bucket. */
  clear(): void {
    this.buckets.clear();
  }
}
