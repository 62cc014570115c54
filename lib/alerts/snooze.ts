// How long a snooze lasts: a fixed time, or until 09:00 tomorrow on the clock of the person who snoozed
// (their Slack time zone), so "tomorrow morning" means their morning, across DST changes too.
import { slackDate } from '../blocks/slack-date';
import { fromLocal, isTimeZone, naiveMs, toLocal } from '../oncall/zoned-time';

/** SNOOZE_CHOICES are the snooze durations Slack and the dashboard offer. */
export const SNOOZE_CHOICES = ['30m', '1h', '4h', 'tomorrow'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** SNOOZE_LABELS name each choice in menus. */
export const SNOOZE_LABELS: Record<SnoozeChoice, string> = { '30m': '30 minutes', '1h': '1 hour', '4h': '4 hours', tomorrow: 'Until 09:00 tomorrow' };

const MINUTES: Record<Exclude<SnoozeChoice, 'tomorrow'>, number> = { '30m': 30, '1h': 60, '4h': 240 };
const DAY = 86_400_000;

/** isSnoozeChoice says whether `value` names a snooze choice. */
export function isSnoozeChoice(value: string): value is SnoozeChoice {
  return (SNOOZE_CHOICES as readonly string[]).includes(value);
}

/**
 * snoozedUntilText says until when an alert is snoozed, in Slack mrkdwn: each reader sees the end on their own clock
 * (a "tomorrow 09:00" snooze ends at 09:00 for whoever snoozed it, not at some UTC hour).
 */
export function snoozedUntilText(until: Date): string {
  return `Snoozed until ${slackDate(until)}`;
}

/** snoozeEnd is when a snooze chosen at `now` ends; `timeZone` (IANA, else UTC) places "09:00 tomorrow". */
export function snoozeEnd(choice: SnoozeChoice, now: Date, timeZone: string): Date {
  if (choice !== 'tomorrow') return new Date(now.getTime() + MINUTES[choice] * 60_000);
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const today = toLocal(now.getTime(), zone);
  return new Date(fromLocal(naiveMs({ year: today.year, month: today.month, day: today.day, hour: 9, minute: 0 }) + DAY, zone));
}
