'use server';

import { revalidatePath } from 'next/cache';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { parseSilenceForm } from '@/lib/silences/silence-form';
import { createSilence, expireSilence } from '@/lib/silences/silences';
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
