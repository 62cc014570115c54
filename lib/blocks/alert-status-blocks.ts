// The part of every alert message that follows its status: the "Acknowledged by …" line and the buttons.
// Both are added by Klaxon whatever the template, so a click in Slack always has something to act on.
import { SNOOZE_CHOICES, SNOOZE_LABELS } from '../alerts/snooze';
import type { ActionsBlock, Block, ButtonElement, StaticSelectElement } from './block-kit';
import { escapeMrkdwn, truncate } from './escape-mrkdwn';
import { isHttpUrl } from './fit-blocks';
import { MAX_BUTTON_VALUE, MAX_OPTION_VALUE } from './limits';
import { type AlertActor, type RenderableAlert } from './renderable-alert';
import { snoozedUntilText } from '../alerts/snooze';
import { slackDate } from './slack-date';

/** ACTIONS_BLOCK_ID is the block id of the alert buttons, which interaction handlers look for. */
export const ACTIONS_BLOCK_ID = 'klaxon_actions';

/** ALERT_ACTION_IDS are the action ids of the alert buttons, shared with the interactions handler. */
export const ALERT_ACTION_IDS = {
  acknowledge: 'alert_acknowledge',
  resolve: 'alert_resolve',
  snooze: 'alert_snooze',
  snoozeFor: 'alert_snooze_for',
  reopen: 'alert_reopen',
  resolveWithNote: 'alert_resolve_with_note',
  escalate: 'alert_escalate',
  addResponders: 'alert_add_responders',
  silence: 'alert_silence',
  open: 'alert_open',
} as const;

function describeActor(actor: AlertActor): string {
  // A Slack user is mentioned, so Slack shows their current name; anyone else (API key, dashboard) by name.
  const who = actor.slackUserId ? `<@${actor.slackUserId.replace(/[^A-Z0-9]/gi, '')}>` : escapeMrkdwn(actor.name);
  return `${who} at ${slackDate(actor.at)}`;
}

/**
 * buildStatusLine describes who is on call, who acknowledged or resolved the alert, and until when it is
 * snoozed, as a context block; it returns undefined for a triggered alert that nobody touched or is on call for.
 */
export function buildStatusLine(alert: RenderableAlert): Block | undefined {
  const parts: string[] = [];
  if (alert.status !== 'resolved' && alert.onCallUserId) parts.push(`:bust_in_silhouette: On call: <@${alert.onCallUserId.replace(/[^A-Z0-9]/gi, '')}>`);
  if (alert.status !== 'triggered' && alert.acknowledgedBy) {
    parts.push(`:eyes: Acknowledged by ${describeActor(alert.acknowledgedBy)}`);
  } else if (alert.status === 'acknowledged') {
    parts.push(':eyes: Acknowledged');
  }
  if (alert.status === 'resolved') {
    parts.push(alert.resolvedBy ? `:white_check_mark: Resolved by ${describeActor(alert.resolvedBy)}` : ':white_check_mark: Resolved');
  } else if (alert.snoozedUntil) {
    parts.push(`:zzz: ${snoozedUntilText(alert.snoozedUntil)}`);
  }
  if (parts.length === 0) return undefined;
  return { type: 'context', elements: [{ type: 'mrkdwn', text: parts.join(' · ') }] };
}

function button(text: string, actionId: string, alertId: string, style?: 'primary' | 'danger'): ButtonElement {
  return {
    type: 'button',
    text: { type: 'plain_text', text },
    action_id: actionId,
    value: truncate(alertId, MAX_BUTTON_VALUE),
    ...(style && { style }),
  };
}

/**
 * buildAlertActions returns the actions block of an alert's message: the buttons that fit its status, each
 * carrying the alert id as value, and a "View in Klaxon" link to `alertUrl` when that is a valid URL.
 */
export function buildAlertActions(alert: RenderableAlert, alertUrl: string): ActionsBlock {
  const ids = ALERT_ACTION_IDS;
  const acknowledge = button('Acknowledge', ids.acknowledge, alert.id, 'primary');
  const resolve = button('Resolve', ids.resolve, alert.id, 'danger');
  const snooze = button('Snooze 1h', ids.snooze, alert.id);
  // Option values carry the alert id and the choice: `<alert id>|<choice>`.
  const snoozeFor: StaticSelectElement = {
    type: 'static_select',
    action_id: ids.snoozeFor,
    placeholder: { type: 'plain_text', text: 'Snooze for…' },
    options: SNOOZE_CHOICES.map((choice) => ({ text: { type: 'plain_text', text: SNOOZE_LABELS[choice] }, value: truncate(`${alert.id}|${choice}`, MAX_OPTION_VALUE) })),
  };
  const resolveWithNote = button('Resolve with note…', ids.resolveWithNote, alert.id);
  // Silences new alerts like this one (its event type and source) for an hour; this one stays as it is.
  const silence = button('Silence 1h', ids.silence, alert.id);
  // Pages a person or a schedule's on-call now, whatever the escalation policy (a modal: lib/slack/responders-modal.ts).
  const addResponders = button('Add responders…', ids.addResponders, alert.id);
  const byStatus: Record<RenderableAlert['status'], Array<ButtonElement | StaticSelectElement>> = {
    triggered: [acknowledge, resolve, ...(alert.escalates ? [button('Escalate', ids.escalate, alert.id)] : []), addResponders, snooze, snoozeFor, resolveWithNote, silence],
    acknowledged: [resolve, resolveWithNote, addResponders, snooze, snoozeFor, silence],
    resolved: [button('Reopen', ids.reopen, alert.id)],
  };
  const elements = [...byStatus[alert.status]];
  if (isHttpUrl(alertUrl)) elements.push({ ...button('View in Klaxon', ids.open, alert.id), url: alertUrl });
  return { type: 'actions', block_id: ACTIONS_BLOCK_ID, elements };
}
