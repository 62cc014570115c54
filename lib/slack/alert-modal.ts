// Opening a modal about one alert from a click (views.open with the click's trigger_id): the alert's id rides in
// private_metadata for the submission. A trigger lives 3 s, so the call gives up well before.
import type { View } from '@slack/web-api';
import { botTokenFor } from './bot-token';
import { slackClient } from './client';

/** openAlertModal opens a modal with `blocks` for the alert, submitted back under `callbackId`. */
export async function openAlertModal(
  teamId: string,
  triggerId: string,
  modal: { callbackId: string; alertId: string; title: string; submit: string; blocks: View['blocks'] },
): Promise<void> {
  await slackClient(await botTokenFor(teamId), { timeoutMs: 2500 }).views.open({
    trigger_id: triggerId,
    view: {
      type: 'modal',
      callback_id: modal.callbackId,
      private_metadata: modal.alertId,
      title: { type: 'plain_text', text: modal.title },
      submit: { type: 'plain_text', text: modal.submit },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: modal.blocks,
    },
  });
}
