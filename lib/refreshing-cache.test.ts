import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshingCache } from './refreshing-cache';

let n = 0;
function counter(values: Array<string | null>) {
  const calls: string[] = [];
  const cache = refreshingCache<string, string>(`test-${(n += 1)}`, {
    freshMs: 1_000,
    maxStaleMs: 10_000,
    maxEntries: 2,
    load: (key) => {
      calls.push(key);
      const value = values.shift() ?? null;
      return Promise.resolve(value === null ? null : `${key}:${value}`);
    },
  });
  return { cache, calls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('refreshingCache', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0, toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('serves a fresh value without loading, a stale one while reloading once in the background', async () => {
    const { cache, calls } = counter(['v1', 'v2', 'v3']);
    expect(await cache.get('a')).toBe('a:v1');
    vi.setSystemTime(900);
    expect(await cache.get('a')).toBe('a:v1');
    expect(calls).toHaveLength(1);
    vi.setSystemTime(1_500);
    // Stale: the old value answers at once, and only one reload starts however many ask.
    expect(await Promise.all([cache.get('a'), cache.get('a')])).toEqual(['a:v1', 'a:v1']);
    await settle();
    expect(await cache.get('a')).toBe('a:v2');
    expect(calls).toHaveLength(2);
  });

  it('waits for a load when the value is older than maxStaleMs', async () => {
    const { cache, calls } = counter(['v1', 'v2']);
    await cache.get('a');
    vi.setSystemTime(10_001);
    expect(await cache.get('a')).toBe('a:v2');
    expect(calls).toEqual(['a', 'a']);
  });

  it('keeps no null and forgets a value that a background reload finds gone', async () => {
    const { cache, calls } = counter([null, 'v1', null, 'v3']);
    expect(await cache.get('a')).toBeNull();
    expect(await cache.get('a')).toBe('a:v1');
    vi.setSystemTime(2_000);
    expect(await cache.get('a')).toBe('a:v1');
    await settle();
    expect(calls).toHaveLength(3);
    // The reload found the key gone (revoked): the next request loads again rather than use the old value.
    expect(await cache.get('a')).toBe('a:v3');
  });

  it('does not keep what a read in flight during a delete returned', async () => {
    let resolveLoad: (value: string) => void = () => undefined;
    const cache = refreshingCache<string, string>(`test-${(n += 1)}`, {
      freshMs: 1_000,
      maxStaleMs: 10_000,
      maxEntries: 10,
      load: () => new Promise((resolve) => (resolveLoad = resolve)),
    });
    const first = cache.get('a');
    cache.delete('a');
    resolveLoad('old');
    expect(await first).toBe('old');
    const second = cache.get('a');
    resolveLoad('new');
    expect(await second).toBe('new');
  });
});
