-- The shared per-key rate limit (lib/http/rate-limit-stores.ts): one token bucket per key, read and written
-- only by that module's plain SQL, so it is no Prisma model (the schema snapshot is unchanged). UNLOGGED
-- because a bucket is seconds of state: it skips the WAL, and after a crash the buckets start full again.
CREATE UNLOGGED TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "granted" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);
