// Small labels for an alert's severity and status; the text says it all, colour only repeats it.
import type { AlertStatus, Severity } from '@/lib/generated/prisma/enums';

/** SeverityBadge shows a severity with its colour. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity}`}>{severity}</span>;
}

/** StatusBadge shows an alert's status. */
export function StatusBadge({ status }: { status: AlertStatus }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

/** SilencedBadge marks an alert a silence holds back from Slack. */
export function SilencedBadge() {
  return (
    <span className="pill pill-warn" data-testid="silenced-badge" title="A silence holds this alert back: it is not posted to Slack">
      Silenced
    </span>
  );
}
