'use server';

import { revalidatePath } from 'next/cache';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { parseNewScheduleForm, parseOverrideForm } from '@/lib/oncall/schedule-form';
import { createSchedule, deleteSchedule, getSchedule, specOf, updateSchedule } from '@/lib/oncall/schedules';
import { dashboardContext } from '../dashboard-context';

/** createScheduleAction adds a schedule with one rotation from the form (admins only). */
export async function createScheduleAction(teamId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const schedule = await createSchedule(scope, parseNewScheduleForm(values));
    revalidatePath(`/w/${teamId}/on-call`);
    return { status: 'ok', message: `Created the schedule “${schedule.name}”.` };
  } catch (error) {
    return failureState(error, values);
  }
}

/** addOverrideAction puts someone on call for a while, above the schedule's rotations (admins only). */
export async function addOverrideAction(teamId: string, scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const schedule = await getSchedule(scope, scheduleId);
    await updateSchedule(scope, scheduleId, { overrides: parseOverrideForm(values, specOf(schedule).overrides) });
    revalidatePath(`/w/${teamId}/on-call`);
    return { status: 'ok', message: 'Override added.' };
  } catch (error) {
    return failureState(error, values);
  }
}

/** deleteScheduleAction removes a schedule (admins only; refused while a policy pages it). */
export async function deleteScheduleAction(teamId: string, scheduleId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await deleteSchedule(scope, scheduleId);
    revalidatePath(`/w/${teamId}/on-call`);
    return { status: 'ok', message: 'Deleted.' };
  } catch (error) {
    return failureState(error, {});
  }
}
