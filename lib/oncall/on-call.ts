// Who is on call: a pure function of a schedule and an instant. A schedule is layers of rotations (a later
// rotation overrides an earlier one wherever it has someone) and overrides on top (the latest wins). A
// rotation's hand-offs are wall-clock times in its own time zone, so a daily 09:00 hand-off stays at 09:00
// across daylight-saving changes (that shift is 23 or 25 hours long), and "every N hours" counts wall-clock
// hours from the first hand-off.
import { fromLocal, naiveMs, toLocal } from './zoned-time';

/** Weekday names as rotations and restrictions spell them, Sunday first (as Date#getUTCDay counts). */
export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Rotation is one layer of a schedule: participants take turns, shift by shift, from `startDate`. */
export interface Rotation {
  name?: string;
  kind: 'daily' | 'weekly' | 'hourly';
  /** For `hourly`: the length of a shift in wall-clock hours. */
  everyHours?: number;
  /** The local date (YYYY-MM-DD) of the first hand-off; weekly hand-offs fall on its weekday. */
  startDate: string;
  /** The local time (HH:MM) of each hand-off. */
  handoffTime: string;
  timeZone: string;
  /** Slack user ids, in turn order. */
  participants: string[];
  /** restrict limits the rotation to a local window (e.g. weekdays 09:00–17:00); outside it the layer has nobody. */
  restrict?: { days: WeekdayName[]; from: string; to: string };
  /** endDate (local, exclusive, YYYY-MM-DD) ends the rotation at its hand-off time that day. */
  endDate?: string;
}

/** Override puts one person on call from `start` to `end`, above every rotation. */
export interface Override {
  user: string;
  start: Date;
  end: Date;
}

/** ScheduleSpec is what on-call computation needs of a schedule. */
export interface ScheduleSpec {
  rotations: Rotation[];
  overrides: Override[];
}

/** OnCallNow is who is on call at an instant, until when, and who comes next. */
export interface OnCallNow {
  user: string | null;
  /** until is the next change of who is on call (null: no change within the horizon). */
  until: Date | null;
  next: { user: string | null; at: Date } | null;
}

/** Segment is a stretch of time with one person (or nobody) on call. */
export interface Segment {
  user: string | null;
  start: Date;
  end: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** HORIZON_MS bounds the search for the next change (a schedule with one person never changes). */
export const HORIZON_MS = 400 * DAY;

function parseDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { hour, minute };
}

function shiftHours(rotation: Rotation): number {
  return rotation.kind === 'daily' ? 24 : rotation.kind === 'weekly' ? 168 : Math.max(1, rotation.everyHours ?? 24);
}

// A rotation's hand-offs as wall-clock times: the first at startDate + handoffTime, then every shift length.
interface Handoffs {
  firstNaive: number;
  stepMs: number;
  endNaive: number | null;
  zone: string;
}

function handoffsOf(rotation: Rotation): Handoffs {
  const time = parseTime(rotation.handoffTime);
  const first = naiveMs({ ...parseDate(rotation.startDate), ...time });
  const end = rotation.endDate ? naiveMs({ ...parseDate(rotation.endDate), ...time }) : null;
  return { firstNaive: first, stepMs: shiftHours(rotation) * HOUR, endNaive: end, zone: rotation.timeZone };
}

const handoffAt = (h: Handoffs, k: number) => fromLocal(h.firstNaive + k * h.stepMs, h.zone);

// The index of the shift under way at `t` (the last hand-off at or before it), or -1 before the first.
function shiftIndex(h: Handoffs, t: number): number {
  if (t < handoffAt(h, 0)) return -1;
  // Offsets differ from UTC by at most a day: the estimate is off by a step or two at most.
  let k = Math.max(0, Math.floor((t - handoffAt(h, 0)) / h.stepMs));
  while (k > 0 && handoffAt(h, k) > t) k--;
  while (handoffAt(h, k + 1) <= t) k++;
  return k;
}

function inRestriction(rotation: Rotation, t: number): boolean {
  const window = rotation.restrict;
  if (!window) return true;
  const local = toLocal(t, rotation.timeZone);
  const minute = local.hour * 60 + local.minute;
  const from = parseTime(window.from);
  const to = parseTime(window.to);
  const fromMinute = from.hour * 60 + from.minute;
  const toMinute = to.hour * 60 + to.minute;
  const day = (offset: number) => WEEKDAY_NAMES[(local.weekday + 7 + offset) % 7]!;
  if (fromMinute < toMinute) return window.days.includes(day(0)) && minute >= fromMinute && minute < toMinute;
  // A window across midnight (22:00–06:00) belongs to the day it starts on.
  return (window.days.includes(day(0)) && minute >= fromMinute) || (window.days.includes(day(-1)) && minute < toMinute);
}

/** rotationUserAt is who a rotation has on call at `t`, or null (before its start, after its end, outside its window). */
export function rotationUserAt(rotation: Rotation, t: number): string | null {
  if (rotation.participants.length === 0) return null;
  const h = handoffsOf(rotation);
  if (h.endNaive !== null && t >= fromLocal(h.endNaive, h.zone)) return null;
  const k = shiftIndex(h, t);
  if (k < 0 || !inRestriction(rotation, t)) return null;
  return rotation.participants[k % rotation.participants.length]!;
}

/** onCallAt is who is on call at `t`: the latest override covering it, else the last rotation that has someone. */
export function onCallAt(schedule: ScheduleSpec, t: number): string | null {
  for (let i = schedule.overrides.length - 1; i >= 0; i--) {
    const override = schedule.overrides[i]!;
    if (override.start.getTime() <= t && t < override.end.getTime()) return override.user;
  }
  for (let i = schedule.rotations.length - 1; i >= 0; i--) {
    const user = rotationUserAt(schedule.rotations[i]!, t);
    if (user !== null) return user;
  }
  return null;
}

// The instants after `t` at which some layer may change: hand-offs, ends, window edges, override edges.
function candidatesAfter(schedule: ScheduleSpec, t: number): number[] {
  const found: number[] = [];
  for (const rotation of schedule.rotations) {
    const h = handoffsOf(rotation);
    const k = shiftIndex(h, t);
    found.push(handoffAt(h, k + 1));
    if (h.endNaive !== null) found.push(fromLocal(h.endNaive, h.zone));
    if (rotation.restrict) {
      const local = toLocal(t, rotation.timeZone);
      const today = naiveMs({ year: local.year, month: local.month, day: local.day, hour: 0, minute: 0 });
      for (const edge of [rotation.restrict.from, rotation.restrict.to]) {
        const { hour, minute } = parseTime(edge);
        for (let d = 0; d <= 2; d++) found.push(fromLocal(today + d * DAY + hour * HOUR + minute * 60_000, rotation.timeZone));
      }
    }
  }
  for (const override of schedule.overrides) found.push(override.start.getTime(), override.end.getTime());
  return found.filter((instant) => instant > t);
}

/** nextChangeAfter is the first instant after `t` at which who is on call differs from `t`, within `horizon` ms. */
export function nextChangeAfter(schedule: ScheduleSpec, t: number, horizon = HORIZON_MS): number | null {
  const who = onCallAt(schedule, t);
  let cursor = t;
  while (cursor - t < horizon) {
    const candidates = candidatesAfter(schedule, cursor);
    if (candidates.length === 0) return null;
    cursor = Math.min(...candidates);
    if (onCallAt(schedule, cursor) !== who) return cursor;
  }
  return null;
}

/** whoIsOnCall is who is on call at `at`, until when, and who takes over then. */
export function whoIsOnCall(schedule: ScheduleSpec, at: Date): OnCallNow {
  const t = at.getTime();
  const user = onCallAt(schedule, t);
  const change = nextChangeAfter(schedule, t);
  if (change === null) return { user, until: null, next: null };
  return { user, until: new Date(change), next: { user: onCallAt(schedule, change), at: new Date(change) } };
}

/** timeline splits [from, to) into segments of one person (or nobody) each, adjacent segments differing. */
export function timeline(schedule: ScheduleSpec, from: Date, to: Date): Segment[] {
  const segments: Segment[] = [];
  let start = from.getTime();
  const end = to.getTime();
  while (start < end) {
    const change = nextChangeAfter(schedule, start, end - start);
    const stop = change === null ? end : Math.min(change, end);
    segments.push({ user: onCallAt(schedule, start), start: new Date(start), end: new Date(stop) });
    start = stop;
  }
  return segments;
}
