// How long ago (or how soon) a time is, as the dashboard says it beside the exact time on hover: people read
// "2 min ago" at a glance, and a UTC timestamp only when they need it.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** relativeTime says `date` relative to `now` ("just now", "3 min ago", "in 2 h", "4 days ago"), or null past a week. */
export function relativeTime(date: Date, now: Date = new Date()): string | null {
  const delta = date.getTime() - now.getTime();
  const distance = Math.abs(delta);
  if (distance < 45_000) return 'just now';
  const [count, unit] =
    distance < HOUR ? [Math.max(1, Math.round(distance / MINUTE)), 'min'] : distance < DAY ? [Math.round(distance / HOUR), 'h'] : [Math.round(distance / DAY), 'day'];
  if (unit === 'day' && count >= 7) return null;
  const amount = unit === 'day' ? `${count} day${count === 1 ? '' : 's'}` : `${count} ${unit}`;
  return delta < 0 ? `${amount} ago` : `in ${amount}`;
}
