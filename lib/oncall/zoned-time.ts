// Wall-clock time in an IANA time zone, with nothing but Intl: the offset of a zone at an instant, and the
// instant of a local date and time. Schedules hand off at local times, so these two decide whether a shift
// is right across daylight-saving changes.

/** LocalDateTime is a wall-clock date and time without a zone (month 1–12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** isTimeZone says whether `name` is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** toLocal is the wall-clock time (and weekday, 0 = Sunday) in `timeZone` at `instant` (ms since the epoch). */
export function toLocal(instant: number, timeZone: string): LocalDateTime & { second: number; weekday: number } {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** offsetMs is how far `timeZone`'s wall clock is ahead of UTC at `instant`. */
export function offsetMs(instant: number, timeZone: string): number {
  const local = toLocal(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  // The formatter has no milliseconds: compare at whole seconds.
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** naiveMs reads a local date-time as if it were UTC: arithmetic on it is wall-clock arithmetic. */
export function naiveMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
}

/**
 * fromLocal is the instant at which `timeZone`'s wall clock shows `naive` (a naiveMs value). Like Temporal's
 * "compatible" choice: a time skipped by a spring-forward gap maps to the same distance past the gap (02:30
 * → 03:30), and a time repeated by a fall-back overlap maps to its first occurrence.
 */
export function fromLocal(naive: number, timeZone: string): number {
  const before = offsetMs(naive - 86_400_000, timeZone);
  const after = offsetMs(naive + 86_400_000, timeZone);
  const candidates = [...new Set([naive - before, naive - after])].filter((instant) => instant + offsetMs(instant, timeZone) === naive);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset in force before the jump.
  return naive - before;
}
