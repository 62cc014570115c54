// Times in the dashboard are shown in UTC, like the fallback text of Slack's date tokens, so that server
// rendering is deterministic and matches what messages say.
import { formatUtcDateTime } from '@/lib/blocks/slack-date';

/** When renders a date (or an ISO string) as `<time>` in UTC, or a dash when there is none. */
export function When({ date }: { date: Date | string | null | undefined }) {
  if (!date) return <span aria-label="never">—</span>;
  const value = typeof date === 'string' ? new Date(date) : date;
  return <time dateTime={value.toISOString()}>{formatUtcDateTime(value)}</time>;
}
