'use server';

import { revalidatePath } from 'next/cache';
import { changeAlertStatusFor, type StatusAction } from '@/lib/alerts/lifecycle';
import { isSnoozeChoice, snoozeEnd, SNOOZE_LABELS } from '@/lib/alerts/snooze';
import { failureState, type FormState } from '@/lib/forms/form-state';
import { isTimeZone } from '@/lib/oncall/zoned-time';
import { userTimeZone } from '@/lib/slack/user-time-zone';
import { dashboardContext } from '../../dashboard-context';

const ACTIONS: Record<string, { action: StatusAction; done: string }> = {
  acknowledge: { action: 'acknowledge', done: 'Acknowledged.' },
  resolve: { action: 'resolve', done: 'Resolved.' },
  reopen: { action: 'reopen', done: 'Reopened.' },
};

/**
 * alertStatusAction acknowledges, resolves, reopens or snoozes (`snooze:<choice>`) an alert of the workspace as
 * the signed-in admin. "Until 09:00 tomorrow" is on the viewer's clock: the browser's time zone, else their
 * Slack profile's, as a click in Slack would be.
 */
export async function alertStatusAction(teamId: string, alertId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const requested = field('action');
  const choice = requested.startsWith('snooze:') ? requested.slice('snooze:'.length) : null;
  const chosen = choice !== null ? (isSnoozeChoice(choice) ? { action: 'snooze' as const, done: `Snoozed (${SNOOZE_LABELS[choice].toLowerCase()}).` } : undefined) : Object.hasOwn(ACTIONS, requested) ? ACTIONS[requested] : undefined;
  if (!chosen) return { status: 'error', message: 'Unknown action.' };
  try {
    let snoozeUntil: Date | undefined;
    if (choice !== null && isSnoozeChoice(choice)) {
      const browserZone = field('time_zone');
      const zone = isTimeZone(browserZone) ? browserZone : choice === 'tomorrow' && scope.actor.type === 'dashboard_user' ? await userTimeZone(teamId, scope.actor.slackUserId) : 'UTC';
      snoozeUntil = snoozeEnd(choice, new Date(), zone);
    }
    const change = await changeAlertStatusFor(scope, alertId, chosen.action, undefined, snoozeUntil);
    revalidatePath(`/w/${teamId}/alerts/${alertId}`);
    return change.changed
      ? { status: 'ok', message: chosen.done }
      : { status: 'ok', message: `Nothing changed: the alert is ${change.unchangedReason ?? 'unchanged'}.` };
  } catch (error) {
    return failureState(error, {});
  }
}
