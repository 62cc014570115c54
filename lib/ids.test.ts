import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from './ids';

describe('timeOrderedId', () => {
  it('is a version-7 UUID whose first 48 bits are the time in milliseconds', () => {
    const before = Date.now();
    const id = timeOrderedId();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
    const time = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  it('sorts by time across milliseconds and never repeats', async () => {
    const first = Array.from({ length: 1_000 }, timeOrderedId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = timeOrderedId();
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => id < later)).toBe(true);
  });
});
