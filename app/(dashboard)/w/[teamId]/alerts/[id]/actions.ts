'use server';

import { revalidatePath } from 'next/cache';
import { changeAlertStatusFor, type StatusAction } from '@/lib/alerts/lifecycle';
import { failureState, type FormState } from '@/lib/forms/form-state';
import { dashboardContext } from '../../dashboard-context';

const ACTIONS: Record<string, { action: StatusAction; done: string }> = {
  acknowledge: { action: 'acknowledge', done: 'Acknowledged.' },
  resolve: { action: 'resolve', done: 'Resolved.' },
  reopen: { action: 'reopen', done: 'Reopened.' },
};

/** alertStatusAction acknowledges, resolves or reopens an alert of the workspace as the signed-in admin. */
export async function alertStatusAction(teamId: string, alertId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const requested = formData.get('action');
  const chosen = typeof requested === 'string' && Object.hasOwn(ACTIONS, requested) ? ACTIONS[requested] : undefined;
  if (!chosen) return { status: 'error', message: 'Unknown action.' };
  try {
    const change = await changeAlertStatusFor(scope, alertId, chosen.action);
    revalidatePath(`/w/${teamId}/alerts/${alertId}`);
    return change.changed
      ? { status: 'ok', message: chosen.done }
      : { status: 'ok', message: `Nothing changed: the alert is ${change.unchangedReason ?? 'unchanged'}.` };
  } catch (error) {
    return failureState(error, {});
  }
}
