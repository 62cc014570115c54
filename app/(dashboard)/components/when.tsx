// Times in the dashboard: recent ones relative ("2 min ago"), with the exact time in UTC on hover — UTC like the
// fallback text of Slack's date tokens, so that it matches what messages say. Older ones show the exact time.
// Rendered on the server only, at request time, so the relative text is as fresh as the page.
import { formatUtcDateTime } from '@/lib/blocks/slack-date';
import { relativeTime } from '@/lib/relative-time';

/** When renders a date (or an ISO string) as `<time>`, relative when within a week, or a dash when there is none. */
export function When({ date }: { date: Date | string | null | undefined }) {
  if (!date) return <span aria-label="never">—</span>;
  const value = typeof date === 'string' ? new Date(date) : date;
  const exact = formatUtcDateTime(value);
  return (
    <time dateTime={value.toISOString()} title={exact}>
      {relativeTime(value) ?? exact}
    </time>
  );
}
