// The App Home tab: who is on call per schedule, then the workspace's open alerts, newest first, each with the
// button that fits its state.
import { listOpenAlerts } from '../alerts/alert-views';
import { SEVERITY_EMOJI } from '../blocks/default-alert-blocks';
import { ALERT_ACTION_IDS } from '../blocks/alert-status-blocks';
import { escapeMrkdwn, truncate } from '../blocks/escape-mrkdwn';
import { MAX_SECTION_TEXT } from '../blocks/limits';
import { slackDate } from '../blocks/slack-date';
import type { Alert } from '../generated/prisma/client';
import { onCallLines } from '../oncall/on-call-summary';
import { env } from '../env';
import { processWide } from '../process-wide';
import { botTokenFor } from './bot-token';
import { slackClient } from './client';

const MAX_ALERTS = 30;

/** HomeAlert is what the Home tab shows of an open alert. */
export type HomeAlert = Pick<Alert, 'id' | 'title' | 'eventType' | 'severity' | 'status' | 'createdAt' | 'occurrences'>;

/**
 * homeAlertBlock is one open alert in the Home tab, with the button that fits its state (`row` keeps its action
 * id unique in the view); when it came shows on each reader's clock, the fallback in UTC.
 */
export function homeAlertBlock(alert: HomeAlert, row: number) {
  const acknowledged = alert.status === 'acknowledged';
  const line = `${SEVERITY_EMOJI[alert.severity]} *${escapeMrkdwn(alert.title)}*\n\`${escapeMrkdwn(alert.eventType)}\` · ${acknowledged ? 'acknowledged' : 'triggered'} ${slackDate(alert.createdAt)}${alert.occurrences > 1 ? ` · seen ${alert.occurrences} times` : ''}`;
  return {
    type: 'section',
    block_id: `home_${alert.id}`.slice(0, 255),
    text: { type: 'mrkdwn', text: truncate(line, MAX_SECTION_TEXT) },
    accessory: acknowledged
      ? { type: 'button', action_id: `${ALERT_ACTION_IDS.resolve}:${row}`, text: { type: 'plain_text', text: 'Resolve' }, style: 'danger', value: alert.id }
      : { type: 'button', action_id: `${ALERT_ACTION_IDS.acknowledge}:${row}`, text: { type: 'plain_text', text: 'Acknowledge' }, style: 'primary', value: alert.id },
  };
}

/** appHomeView builds the Home tab for a workspace (at most 100 blocks, as Slack allows for views). */
export async function appHomeView(teamId: string) {
  const [alerts, onCall] = await Promise.all([listOpenAlerts(teamId, MAX_ALERTS), onCallLines(teamId)]);
  const dashboard = `${env().appUrl}/w/${teamId}`;
  const blocks: unknown[] = [
    ...(onCall.length
      ? [
          { type: 'header', text: { type: 'plain_text', text: 'On call' } },
          { type: 'section', block_id: 'home_on_call', text: { type: 'mrkdwn', text: truncate(onCall.join('\n'), MAX_SECTION_TEXT) } },
        ]
      : []),
    { type: 'header', text: { type: 'plain_text', text: 'Open alerts' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `<${dashboard}/alerts|Open the Klaxon dashboard>` }] },
    { type: 'divider' },
  ];
  if (alerts.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: ':white_check_mark: No open alerts.' } });
  // Slack wants each action_id once per view: suffix the row; interactions read the part before ':'.
  for (const [row, alert] of alerts.entries()) blocks.push(homeAlertBlock(alert, row));
  return { type: 'home' as const, blocks };
}

const REPUBLISH_AFTER_MS = 2_000;
const lastPublished = processWide('appHomePublished', () => new Map<string, number>());

/**
 * publishAppHome publishes the Home tab for one user with views.publish; a user who opens it again within
 * two seconds sees the view just published (Slack sends app_home_opened on every tab switch).
 */
export async function publishAppHome(teamId: string, userId: string, options: { force?: boolean } = {}): Promise<void> {
  const key = `${teamId}:${userId}`;
  const now = Date.now();
  if (!options.force && now - (lastPublished.get(key) ?? 0) < REPUBLISH_AFTER_MS) return;
  lastPublished.set(key, now);
  if (lastPublished.size > 10_000) lastPublished.clear();
  const view = await appHomeView(teamId);
  await slackClient(await botTokenFor(teamId)).views.publish({ user_id: userId, view: view as never });
}
