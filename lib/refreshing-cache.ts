// A per-process cache of values read on every request (routing, API keys) that refreshes in the background:
// a value older than `freshMs` is still served while one reload runs, so no request waits for the database
// once a key is warm. Measured at 50 alerts/s: with expire-then-reload, the request that found its routing
// expired (one in 50) waited for two Prisma queries, ~4 ms, which alone set the intake p99. A value older than
// `maxStaleMs` is not served: a key revoked on another instance works here at most that long.
// (lru-cache's stale-while-revalidate serves an entry of any age once, so it cannot bound that.)
import { processWide } from './process-wide';

interface Entry<V> {
  value: V;
  loadedAt: number;
  reloading: Promise<unknown> | null;
}

/** RefreshingCache keeps values by key, reloads them in the background when stale, and forgets on request. */
export interface RefreshingCache<K, V> {
  /** get returns the cached value, loading it first when absent or too old; `null` from load is not kept. */
  get(key: K): Promise<V | null>;
  delete(key: K): void;
}

/** refreshingCache returns the process's cache named `name` (one per process; see process-wide.ts). */
export function refreshingCache<K, V>(
  name: string,
  options: { freshMs: number; maxStaleMs: number; maxEntries: number; load: (key: K) => Promise<V | null> },
): RefreshingCache<K, V> {
  const state = processWide(`refreshingCache:${name}`, () => ({ entries: new Map<K, Entry<V>>(), deletions: 0 }));
  const { entries } = state;
  const load = async (key: K): Promise<V | null> => {
    const deletions = state.deletions;
    const value = await options.load(key);
    // Something was forgotten while this read ran: what it read may be what was forgotten; do not keep it.
    if (state.deletions !== deletions) return value;
    if (value === null) {
      entries.delete(key);
      return null;
    }
    // Keys come and go (API keys, workspaces): forget all rather than grow without bound.
    if (!entries.has(key) && entries.size >= options.maxEntries) entries.clear();
    entries.set(key, { value, loadedAt: Date.now(), reloading: null });
    return value;
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      const age = entry ? Date.now() - entry.loadedAt : Infinity;
      if (!entry || age > options.maxStaleMs) return load(key);
      if (age > options.freshMs && !entry.reloading) {
        // A failed reload keeps the value until maxStaleMs, then the next request loads (and fails) itself.
        entry.reloading = load(key)
          .catch(() => undefined)
          .finally(() => {
            entry.reloading = null;
          });
      }
      return entry.value;
    },
    delete: (key) => {
      state.deletions += 1;
      entries.delete(key);
    },
  };
}
