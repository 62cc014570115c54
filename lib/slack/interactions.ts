// Slack interactivity: the alert buttons (block_actions) and the "Resolve with note" and "Add responders"
// modals (view_submission).
// Each click goes through the same lifecycle as the API and dashboard; a click that changes nothing, or on
// an alert Klaxon does not know in that workspace, has no effect and tells the clicker so, privately.
import { z } from 'zod';
import { ALERT_ACTION_IDS } from '../blocks/alert-status-blocks';
import { changeAlertStatus, escalateAlert, type StatusAction } from '../alerts/lifecycle';
import { isSnoozeChoice, snoozeEnd } from '../alerts/snooze';
import { db } from '../db';
import { AppError } from '../errors';
import { publishAppHome } from './app-home';
import { botTokenFor } from './bot-token';
import { slackClient } from './client';
import { openAlertModal } from './alert-modal';
import { userTimeZone } from './user-time-zone';
import { slackUserName } from '../auth/members';
import { slackDate } from '../blocks/slack-date';
import { silenceLikeAlert } from '../silences/silence-like-alert';
import { addResponders } from '../escalation/add-responders';
import { openRespondersModal, readResponders, RESPONDER_USER_BLOCK, RESPONDERS_CALLBACK } from './responders-modal';

const RESOLVE_NOTE_CALLBACK = 'klaxon_resolve_note';
const NOTE_BLOCK = 'note';
const NOTE_INPUT = 'note_input';

const ACTIONS: Record<string, StatusAction> = {
  [ALERT_ACTION_IDS.acknowledge]: 'acknowledge',
  [ALERT_ACTION_IDS.resolve]: 'resolve',
  [ALERT_ACTION_IDS.reopen]: 'reopen',
  [ALERT_ACTION_IDS.snooze]: 'snooze',
};

const userSchema = z.looseObject({ id: z.string().min(1), username: z.string().optional(), name: z.string().optional() });
const teamSchema = z.looseObject({ id: z.string().min(1) });

const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  team: teamSchema,
  user: userSchema,
  trigger_id: z.string().optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z.looseObject({ type: z.string() }).optional(),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional(), selected_option: z.looseObject({ value: z.string() }).optional() })).min(1),
});

const viewSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  team: teamSchema,
  user: userSchema,
  view: z.looseObject({
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.looseObject({
      values: z.record(
        z.string(),
        z.record(z.string(), z.looseObject({ value: z.string().nullish(), selected_user: z.string().nullish(), selected_option: z.looseObject({ value: z.string() }).nullish() })),
      ),
    }),
  }),
});

/** interactionPayloadSchema accepts the interaction payloads Klaxon handles; others are acknowledged and ignored. */
export const interactionPayloadSchema = z.union([blockActionsSchema, viewSubmissionSchema, z.looseObject({ type: z.string() })]);

/** InteractionResult is the HTTP answer for Slack and the (optional) work to do after answering. */
export interface InteractionResult {
  body: Record<string, unknown> | null;
  afterResponse: (() => Promise<void>) | null;
}

async function tellClicker(teamId: string, channelId: string | undefined, userId: string, text: string): Promise<void> {
  if (!channelId) return;
  await slackClient(await botTokenFor(teamId)).chat.postEphemeral({ channel: channelId, user: userId, text });
}

async function isKnownAlert(teamId: string, alertId: string): Promise<boolean> {
  const workspace = await db().workspace.findUnique({ where: { id: teamId }, select: { uninstalledAt: true } });
  if (!workspace || workspace.uninstalledAt) return false;
  return (await db().alert.count({ where: { id: alertId, workspaceId: teamId } })) === 1;
}

async function openNoteModal(teamId: string, triggerId: string, alertId: string): Promise<void> {
  await openAlertModal(teamId, triggerId, {
    callbackId: RESOLVE_NOTE_CALLBACK,
    alertId,
    title: 'Resolve alert',
    submit: 'Resolve',
    blocks: [
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        label: { type: 'plain_text', text: 'What fixed it?' },
        element: { type: 'plain_text_input', action_id: NOTE_INPUT, multiline: true, max_length: 2000 },
      },
    ],
  });
}

async function applyClick(teamId: string, user: z.infer<typeof userSchema>, alertId: string, action: StatusAction, note?: string, snoozeUntil?: Date) {
  const name = await slackUserName(teamId, user.id, user.name ?? user.username);
  return changeAlertStatus({
    workspaceId: teamId,
    alertId,
    action,
    actor: { type: 'slack_user', id: user.id, slackUserId: user.id, name },
    via: 'slack',
    note,
    snoozeUntil,
  });
}

// The Snooze menu's option value is `<alert id>|<choice>`; its end is placed on the clicker's clock.
async function snoozeChoice(teamId: string, userId: string, value: string | undefined): Promise<{ alertId: string; until: Date } | null> {
  const cut = value?.lastIndexOf('|') ?? -1;
  const choice = value?.slice(cut + 1) ?? '';
  if (cut < 1 || !isSnoozeChoice(choice)) return null;
  const timeZone = choice === 'tomorrow' ? await userTimeZone(teamId, userId) : 'UTC';
  return { alertId: value!.slice(0, cut), until: snoozeEnd(choice, new Date(), timeZone) };
}

async function escalateClick(teamId: string, user: z.infer<typeof userSchema>, alertId: string) {
  const name = await slackUserName(teamId, user.id, user.name ?? user.username);
  return escalateAlert({ workspaceId: teamId, alertId, actor: { type: 'slack_user', id: user.id, slackUserId: user.id, name }, via: 'slack' });
}

/**
 * handleBlockActions acknowledges a click at once and acts on it after the answer (Slack's advice): the click
 * is applied through the lifecycle, the clicker is told privately when nothing changed, and a click in the
 * App Home republishes it.
 */
function handleBlockActions(payload: z.infer<typeof blockActionsSchema>): InteractionResult {
  return {
    body: null,
    afterResponse: async () => {
      await actOnButton(payload);
      if (payload.container?.type === 'view') await publishAppHome(payload.team.id, payload.user.id, { force: true });
    },
  };
}

async function actOnButton(payload: z.infer<typeof blockActionsSchema>): Promise<void> {
  const clicked = payload.actions[0]!;
  const actionId = clicked.action_id.split(':')[0]!;
  const snooze = actionId === ALERT_ACTION_IDS.snoozeFor ? await snoozeChoice(payload.team.id, payload.user.id, clicked.selected_option?.value) : null;
  const alertId = snooze?.alertId ?? clicked.value ?? '';
  const teamId = payload.team.id;
  const tell = (text: string) => tellClicker(teamId, payload.channel?.id, payload.user.id, text);
  if (actionId === ALERT_ACTION_IDS.open || !alertId) return;
  if (!(await isKnownAlert(teamId, alertId))) return tell('Klaxon does not know this alert in this workspace.');
  if (actionId === ALERT_ACTION_IDS.silence) {
    const name = await slackUserName(teamId, payload.user.id, payload.user.name ?? payload.user.username);
    const silence = await silenceLikeAlert(teamId, alertId, { type: 'slack_user', id: payload.user.id, slackUserId: payload.user.id, name });
    return tell(`Silenced for 1 hour, until ${slackDate(silence.endsAt)}: new alerts like this one are stored in Klaxon but not posted. Change or end it in the dashboard's Silences page.`);
  }
  if (actionId === ALERT_ACTION_IDS.resolveWithNote) {
    if (payload.trigger_id) await openNoteModal(teamId, payload.trigger_id, alertId);
    return;
  }
  if (actionId === ALERT_ACTION_IDS.addResponders) {
    if (payload.trigger_id) await openRespondersModal(teamId, payload.trigger_id, alertId);
    return;
  }
  const statusAction = snooze ? 'snooze' : ACTIONS[actionId];
  if (!statusAction && actionId !== ALERT_ACTION_IDS.escalate) return;
  try {
    const outcome = statusAction
      ? await applyClick(teamId, payload.user, alertId, statusAction, undefined, snooze?.until)
      : await escalateClick(teamId, payload.user, alertId);
    if (!outcome.changed) await tell(`Nothing changed: this alert is ${outcome.unchangedReason ?? 'unchanged'}.`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await tell(`Nothing changed: ${error.message}`);
  }
}

const errorsAt = (block: string, message: string): InteractionResult => ({ body: { response_action: 'errors', errors: { [block]: message } }, afterResponse: null });

// Paging happens before the answer, so that the modal can say what went wrong (a resolved alert, nobody chosen).
async function submitResponders(payload: z.infer<typeof viewSubmissionSchema>): Promise<InteractionResult> {
  const alertId = payload.view.private_metadata;
  if (!(await isKnownAlert(payload.team.id, alertId))) return errorsAt(RESPONDER_USER_BLOCK, 'Klaxon does not know this alert in this workspace.');
  const user = payload.user;
  const name = await slackUserName(payload.team.id, user.id, user.name ?? user.username);
  try {
    await addResponders({
      workspaceId: payload.team.id,
      alertId,
      actor: { type: 'slack_user', id: user.id, slackUserId: user.id, name },
      via: 'slack',
      ...readResponders(payload.view.state.values),
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return errorsAt(RESPONDER_USER_BLOCK, error.message);
  }
  return { body: null, afterResponse: null };
}

async function handleViewSubmission(payload: z.infer<typeof viewSubmissionSchema>): Promise<InteractionResult> {
  if (payload.view.callback_id === RESPONDERS_CALLBACK) return submitResponders(payload);
  if (payload.view.callback_id !== RESOLVE_NOTE_CALLBACK) return { body: null, afterResponse: null };
  const alertId = payload.view.private_metadata;
  if (!(await isKnownAlert(payload.team.id, alertId))) return errorsAt(NOTE_BLOCK, 'Klaxon does not know this alert in this workspace.');
  const note = payload.view.state.values[NOTE_BLOCK]?.[NOTE_INPUT]?.value?.trim() || undefined;
  const outcome = await applyClick(payload.team.id, payload.user, alertId, 'resolve', note);
  if (!outcome.changed) return errorsAt(NOTE_BLOCK, `Nothing changed: this alert is ${outcome.unchangedReason}.`);
  return { body: null, afterResponse: null };
}

/** handleInteraction acts on one verified interaction payload (the `payload` form field, parsed). */
export async function handleInteraction(parsedPayload: unknown): Promise<InteractionResult> {
  const payload = interactionPayloadSchema.parse(parsedPayload);
  if (payload.type === 'block_actions') return handleBlockActions(blockActionsSchema.parse(payload));
  if (payload.type === 'view_submission') return handleViewSubmission(viewSubmissionSchema.parse(payload));
  return { body: null, afterResponse: null };
}
