// Times in messages: Slack's `<!date>` token shows each reader their own time zone; its fallback, and every
// time we write ourselves, is UTC so that rendering is deterministic wherever it runs.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** formatUtcTime formats the time of day of `date` as `HH:MM` in UTC. */
export function formatUtcTime(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** formatUtcDateTime formats `date` as `YYYY-MM-DD HH:MM UTC`. */
export function formatUtcDateTime(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${formatUtcTime(date)} UTC`;
}

/** slackDate renders `date` as a mrkdwn date token (`<!date^unix^{date_short_pretty} {time}|fallback>`). */
export function slackDate(date: Date): string {
  // An invalid Date would otherwise print `NaN` into a customer's channel.
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const unix = Math.floor(date.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${formatUtcDateTime(date)}>`;
}
