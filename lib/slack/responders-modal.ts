// The "Add responders…" modal of an alert message: pick a person, a schedule (its on-call person), or both,
// to page now. Opened with the click's trigger_id (valid 3 s, once), so it is opened before anything slow.
import type { ViewsOpenArguments } from '@slack/web-api';
import { db } from '../db';
import { openAlertModal } from './alert-modal';

/** RESPONDERS_CALLBACK is the callback_id of the modal's view_submission. */
export const RESPONDERS_CALLBACK = 'klaxon_add_responders';
/** RESPONDER_USER_BLOCK and RESPONDER_SCHEDULE_BLOCK are the modal's inputs, where submission errors are shown. */
export const RESPONDER_USER_BLOCK = 'responder_user';
export const RESPONDER_SCHEDULE_BLOCK = 'responder_schedule';
const USER_INPUT = 'user';
const SCHEDULE_INPUT = 'schedule';
// A static select holds at most 100 options.
const MAX_SCHEDULES = 100;

type ModalBlock = ViewsOpenArguments['view']['blocks'][number];

const userInput: ModalBlock = {
  type: 'input',
  block_id: RESPONDER_USER_BLOCK,
  optional: true,
  label: { type: 'plain_text', text: 'Page a person' },
  element: { type: 'users_select', action_id: USER_INPUT, placeholder: { type: 'plain_text', text: 'Choose someone' } },
};

const scheduleInput = (schedules: Array<{ id: string; name: string }>): ModalBlock => ({
  type: 'input',
  block_id: RESPONDER_SCHEDULE_BLOCK,
  optional: true,
  label: { type: 'plain_text', text: "Page a schedule's on-call person" },
  element: {
    type: 'static_select',
    action_id: SCHEDULE_INPUT,
    placeholder: { type: 'plain_text', text: 'Choose a schedule' },
    options: schedules.map((schedule) => ({ text: { type: 'plain_text', text: schedule.name.slice(0, 75) }, value: schedule.id })),
  },
});

/** openRespondersModal opens the modal for an alert; the schedule input is there when the workspace has schedules. */
export async function openRespondersModal(teamId: string, triggerId: string, alertId: string): Promise<void> {
  const schedules = await db().schedule.findMany({ where: { workspaceId: teamId }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_SCHEDULES });
  await openAlertModal(teamId, triggerId, {
    callbackId: RESPONDERS_CALLBACK,
    alertId,
    title: 'Add responders',
    submit: 'Page now',
    blocks: [userInput, ...(schedules.length ? [scheduleInput(schedules)] : [])],
  });
}

/** SubmittedValues are a view_submission's `view.state.values` as far as this modal reads them. */
type SubmittedValues = Record<string, Record<string, { selected_user?: string | null; selected_option?: { value: string } | null }>>;

/** readResponders reads whom the submitted modal asks to page. */
export function readResponders(values: SubmittedValues): { users: string[]; scheduleIds: string[] } {
  const user = values[RESPONDER_USER_BLOCK]?.[USER_INPUT]?.selected_user;
  const schedule = values[RESPONDER_SCHEDULE_BLOCK]?.[SCHEDULE_INPUT]?.selected_option?.value;
  return { users: user ? [user] : [], scheduleIds: schedule ? [schedule] : [] };
}
