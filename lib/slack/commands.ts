// The /klaxon slash command: `list` (open alerts), `ack <id>`, `resolve <id>`, `oncall [schedule]`, `help`. Answers are ephemeral
// and immediate; status changes go through the shared lifecycle (so the messages update as for a click).
import { listOpenAlerts } from '../alerts/alert-views';
import { changeAlertStatus, type StatusAction } from '../alerts/lifecycle';
import { slackUserName } from '../auth/members';
import { SEVERITY_EMOJI } from '../blocks/default-alert-blocks';
import { escapeMrkdwn } from '../blocks/escape-mrkdwn';
import { db } from '../db';
import { onCallLines } from '../oncall/on-call-summary';
import { AppError } from '../errors';

/** SlashCommand is the part of Slack's slash-command form Klaxon reads. */
export interface SlashCommand {
  teamId: string;
  userId: string;
  userName: string | undefined;
  text: string;
}

// An alert's short id is the end of its id: ids begin with their time (lib/ids.ts), so alerts of the same
// minute share their first characters, while their last ones are random.
const SHORT_ID = 8;
const LIST_LIMIT = 20;
const HELP = [
  '*Klaxon commands*',
  '`/klaxon list` – open alerts in this workspace',
  '`/klaxon ack <id>` – acknowledge an alert (the id, or its last 8 characters, as `list` shows them)',
  '`/klaxon resolve <id>` – resolve an alert',
  '`/klaxon oncall [schedule]` – who is on call now and next, per schedule (or the schedules whose name contains the word)',
  '`/klaxon help` – this help',
].join('\n');

const ephemeral = (text: string) => ({ response_type: 'ephemeral', text });

async function listOpen(teamId: string) {
  const alerts = await listOpenAlerts(teamId, LIST_LIMIT);
  if (alerts.length === 0) return ephemeral(':white_check_mark: No open alerts.');
  const lines = alerts.map(
    (alert) => `${SEVERITY_EMOJI[alert.severity]} \`${alert.id.slice(-SHORT_ID)}\` *${escapeMrkdwn(alert.title)}* (${alert.status})`,
  );
  return ephemeral(`*Open alerts* (newest first)\n${lines.join('\n')}`);
}

async function onCall(teamId: string, filter: string) {
  const lines = await onCallLines(teamId, filter);
  if (lines.length === 0) return ephemeral(filter ? `No schedule matches \`${escapeMrkdwn(filter)}\`.` : 'No on-call schedules yet: add one in the Klaxon dashboard.');
  return ephemeral(`*On call*\n${lines.join('\n')}`);
}

async function findAlert(teamId: string, reference: string) {
  if (reference.length < 6) throw new AppError('invalid_request', 'Give the alert id, or at least its last 6 characters.');
  const matches = await db().alert.findMany({ where: { workspaceId: teamId, id: { endsWith: reference } }, take: 2, select: { id: true, title: true } });
  if (matches.length === 0) throw new AppError('not_found', `No alert \`${escapeMrkdwn(reference)}\` in this workspace.`);
  if (matches.length > 1) throw new AppError('conflict', `\`${escapeMrkdwn(reference)}\` matches several alerts: give more of the id.`);
  return matches[0]!;
}

async function changeStatus(command: SlashCommand, reference: string | undefined, action: StatusAction) {
  if (!reference) return ephemeral(`Which alert? Try \`/klaxon ${action === 'acknowledge' ? 'ack' : action} <id>\`.`);
  const alert = await findAlert(command.teamId, reference);
  const name = await slackUserName(command.teamId, command.userId, command.userName);
  const outcome = await changeAlertStatus({
    workspaceId: command.teamId,
    alertId: alert.id,
    action,
    actor: { type: 'slack_user', id: command.userId, slackUserId: command.userId, name },
    via: 'slack',
  });
  const title = `*${escapeMrkdwn(alert.title)}*`;
  return ephemeral(outcome.changed ? `${action === 'acknowledge' ? 'Acknowledged' : 'Resolved'} ${title}.` : `Nothing changed: ${title} is ${outcome.unchangedReason}.`);
}

/** runSlashCommand answers one /klaxon command. */
export async function runSlashCommand(command: SlashCommand): Promise<Record<string, unknown>> {
  const workspace = await db().workspace.findUnique({ where: { id: command.teamId }, select: { uninstalledAt: true } });
  if (!workspace || workspace.uninstalledAt) return ephemeral('Klaxon is not installed in this workspace.');
  const [verb = 'help', reference] = command.text.trim().split(/\s+/);
  try {
    switch (verb.toLowerCase()) {
      case 'list':
        return await listOpen(command.teamId);
      case 'ack':
      case 'acknowledge':
        return await changeStatus(command, reference, 'acknowledge');
      case 'resolve':
        return await changeStatus(command, reference, 'resolve');
      case 'oncall':
      case 'on-call':
        return await onCall(command.teamId, command.text.trim().split(/\s+/).slice(1).join(' '));
      case 'help':
      case '':
        return ephemeral(HELP);
      default:
        return ephemeral(`Unknown command \`${escapeMrkdwn(verb)}\`.\n${HELP}`);
    }
  } catch (error) {
    if (error instanceof AppError) return ephemeral(error.message);
    throw error;
  }
}
