// Weekly schedules in a time zone ("Sundays 02:00–04:00 Europe/Berlin") turned into UTC instants, DST-correct:
// each occurrence starts and ends at its local wall-clock times on that day, so a window is an hour shorter or
// longer on the nights the clocks change. A local time the clocks skip (02:30 when they jump from 02:00 to
// 03:00) is taken as the same time on the new offset (03:30); a repeated one (fall back) as its first instance.
// Pure, on the platform's time-zone data (Intl).

/** WeeklySchedule is a window on some weekdays (0 = Sunday … 6 = Saturday) between two local times. */
export interface WeeklySchedule {
  timeZone: string;
  days: readonly number[];
  /** "HH:MM", local. */
  start: string;
  /** "HH:MM", local; at or before `start`: the next day. */
  end: string;
}

/** isTimeZone tells whether the platform knows an IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** localParts is the wall-clock date and time in `timeZone` at an instant. */
function localParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

// The zone's offset from UTC at an instant, in ms.
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** zonedInstant is the UTC instant of a local wall-clock time (see the header for skipped and repeated times). */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two candidates: the wall time at the offset in force a few hours before, and at the offset that gives.
  const before = wall - offsetAt(wall - 3 * 3_600_000, timeZone);
  const after = wall - offsetAt(before, timeZone);
  const shows = (instant: number) => {
    const p = localParts(instant, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  };
  const valid = [before, after].filter(shows).sort((a, b) => a - b);
  // Neither shows the wall time: it is in a gap; the earlier offset puts it that far past the gap's start.
  return valid[0] ?? before;
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return { hour: h!, minute: m! };
};

/** Occurrence is one window of a schedule, in UTC. */
export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/**
 * nextOccurrence is the schedule's window that is open at `now`, or else the next one to open (within the
 * coming 8 days), or null when the schedule has no days.
 */
export function nextOccurrence(schedule: WeeklySchedule, now: Date): Occurrence | null {
  if (schedule.days.length === 0) return null;
  const start = minutesOf(schedule.start);
  const end = minutesOf(schedule.end);
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const today = localParts(now.getTime(), schedule.timeZone);
  // From yesterday (a window that opened yesterday may still be open) to 8 days ahead, in local dates.
  for (let offset = -1; offset <= 8; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (!schedule.days.includes(date.getUTCDay())) continue;
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const endDate = new Date(Date.UTC(y, m - 1, d + (overnight ? 1 : 0)));
    const startsAt = zonedInstant(y, m, d, start.hour, start.minute, schedule.timeZone);
    const endsAt = zonedInstant(endDate.getUTCFullYear(), endDate.getUTCMonth() + 1, endDate.getUTCDate(), end.hour, end.minute, schedule.timeZone);
    if (endsAt > now.getTime() && endsAt > startsAt) return { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
  }
  return null;
}
