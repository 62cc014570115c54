// The alert as the renderer sees it: plain data, no Prisma types, so previews and tests can build one freely.
import type { AlertStatus, Severity } from '@/lib/generated/prisma/enums';

/** AlertActor is who changed an alert's status: a Slack user (mentioned in the message) or anyone else, by name. */
export interface AlertActor {
  slackUserId?: string;
  name: string;
  at: Date;
}

/** RenderableAlert is everything renderAlertBlocks needs to draw an alert's Slack message. */
export interface RenderableAlert {
  id: string;
  eventType: string;
  severity: Severity;
  title: string;
  description?: string | null;
  source?: string | null;
  fields: Record<string, string | number | boolean>;
  links: Array<{ text: string; url: string }>;
  occurrences: number;
  status: AlertStatus;
  occurredAt: Date;
  lastSeenAt: Date;
  acknowledgedBy?: AlertActor | null;
  resolvedBy?: AlertActor | null;
  snoozedUntil?: Date | null;
  /** Who is on call for the alert (its escalation policy's first schedule or user). */
  onCallUserId?: string | null;
  /** Whether an escalation waits that the Escalate button can bring forward. */
  escalates?: boolean;
}
