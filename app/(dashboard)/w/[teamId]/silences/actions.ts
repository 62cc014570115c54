'use server';

import { revalidatePath } from 'next/cache';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { createMaintenanceWindow, deleteMaintenanceWindow } from '@/lib/silences/maintenance-windows';
import { parseSilenceForm } from '@/lib/silences/silence-form';
import { createSilence, expireSilence } from '@/lib/silences/silences';
import { parseWindowForm } from '@/lib/silences/window-form';
import { dashboardContext } from '../dashboard-context';

/** createSilenceAction adds a silence from the form (admins only). */
export async function createSilenceAction(teamId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData, ['severities']);
  try {
    await createSilence(scope, parseSilenceForm(values));
    revalidatePath(`/w/${teamId}/silences`);
    return { status: 'ok', message: 'Silence created: matching new alerts are stored but not posted until it ends.' };
  } catch (error) {
    return failureState(error, values);
  }
}

/** expireSilenceAction ends a silence now (admins only); the open alerts it held are posted. */
export async function expireSilenceAction(teamId: string, silenceId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await expireSilence(scope, silenceId);
    revalidatePath(`/w/${teamId}/silences`);
    return { status: 'ok', message: 'Silence expired.' };
  } catch (error) {
    return failureState(error, {});
  }
}

/** createWindowAction adds a maintenance window from the form (admins only); its first occurrence is scheduled. */
export async function createWindowAction(teamId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData, ['severities', 'days']);
  try {
    await createMaintenanceWindow(scope, parseWindowForm(values));
    revalidatePath(`/w/${teamId}/silences`);
    return { status: 'ok', message: 'Maintenance window created: its next occurrence is listed below, and under Silences when it comes.' };
  } catch (error) {
    return failureState(error, values);
  }
}

/** deleteWindowAction removes a maintenance window (admins only); an occurrence under way ends now. */
export async function deleteWindowAction(teamId: string, windowId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await deleteMaintenanceWindow(scope, windowId);
    revalidatePath(`/w/${teamId}/silences`);
    return { status: 'ok', message: 'Maintenance window deleted.' };
  } catch (error) {
    return failureState(error, {});
  }
}
