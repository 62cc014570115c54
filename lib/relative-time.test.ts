import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const now = new Date('2026-12-03T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('relativeTime', () => {
  it('says minutes, hours and days, past and future, and nothing past a week', () => {
    expect(relativeTime(at(-10_000), now)).toBe('just now');
    expect(relativeTime(at(20_000), now)).toBe('just now');
    expect(relativeTime(at(-50_000), now)).toBe('1 min ago');
    expect(relativeTime(at(-2 * 60_000), now)).toBe('2 min ago');
    expect(relativeTime(at(59 * 60_000), now)).toBe('in 59 min');
    expect(relativeTime(at(-3 * 3_600_000), now)).toBe('3 h ago');
    expect(relativeTime(at(-30 * 3_600_000), now)).toBe('1 day ago');
    expect(relativeTime(at(4 * 86_400_000), now)).toBe('in 4 days');
    expect(relativeTime(at(-6.4 * 86_400_000), now)).toBe('6 days ago');
    expect(relativeTime(at(-8 * 86_400_000), now)).toBeNull();
  });
});
