// One alert as a line of a message that lists several (a storm digest, an alert group): severity, title, event
// type and status, with Acknowledge while it is triggered. Pure.
import type { Block, ButtonElement } from './block-kit';
import { ALERT_ACTION_IDS } from './alert-status-blocks';
import { escapeMrkdwn, truncate, truncateMrkdwn } from './escape-mrkdwn';
import { MAX_BUTTON_VALUE, MAX_SECTION_TEXT } from './limits';

/** ListedAlert is what a line shows of an alert. */
export interface ListedAlert {
  id: string;
  title: string;
  severity: string;
  eventType?: string;
  status: string;
}

/** alertLineBlock renders one listed alert; `actionSuffix` keeps its button's action id unique in the message. */
export function alertLineBlock(alert: ListedAlert, actionSuffix: string): Block {
  const parts = [`\`${escapeMrkdwn(alert.severity)}\` ${escapeMrkdwn(truncate(alert.title, 200))}`, ...(alert.eventType ? [`\`${escapeMrkdwn(alert.eventType)}\``] : []), escapeMrkdwn(alert.status)];
  const acknowledge: ButtonElement = {
    type: 'button',
    text: { type: 'plain_text', text: 'Acknowledge' },
    action_id: `${ALERT_ACTION_IDS.acknowledge}:${actionSuffix}`,
    value: truncate(alert.id, MAX_BUTTON_VALUE),
  };
  return { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(parts.join(' · '), MAX_SECTION_TEXT) }, ...(alert.status === 'triggered' ? { accessory: acknowledge } : {}) };
}
