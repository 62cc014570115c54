'use server';

import { revalidatePath } from 'next/cache';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { parseNewScheduleForm, parseOverrideForm, parseRotationForm, parseUserGroupForm } from '@/lib/oncall/schedule-form';
import { createSchedule, deleteSchedule, getSchedule, removeFromSchedule, specOf, updateSchedule } from '@/lib/oncall/schedules';
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

/** saveRotationAction edits the rotation at `index` of a schedule, or adds the form's as its last layer (`index` null; admins only). */
export async function saveRotationAction(teamId: string, scheduleId: string, index: number | null, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const schedule = await getSchedule(scope, scheduleId);
    await updateSchedule(scope, scheduleId, { rotations: parseRotationForm(values, specOf(schedule).rotations, index) });
    revalidatePath(`/w/${teamId}/on-call`);
    return { status: 'ok', message: index === null ? 'Rotation added.' : 'Rotation saved.' };
  } catch (error) {
    return failureState(error, values);
  }
}

/** setUserGroupAction sets (or, empty, clears) the Slack user group kept equal to who is on call (admins only). */
export async function setUserGroupAction(teamId: string, scheduleId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const schedule = await updateSchedule(scope, scheduleId, { user_group_id: parseUserGroupForm(values) });
    revalidatePath(`/w/${teamId}/on-call`);
    return { status: 'ok', message: schedule.userGroupId ? 'Saved: the group follows who is on call from now on.' : 'Saved: no user group.' };
  } catch (error) {
    return failureState(error, values);
  }
}

/** removeFromScheduleAction removes a rotation or an override of a schedule (admins only). */
export async function removeFromScheduleAction(teamId: string, scheduleId: string, what: 'rotations' | 'overrides', index: number, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await removeFromSchedule(scope, scheduleId, what, index);
    revalidatePath(`/w/${teamId}/on-call`);
    return { status: 'ok', message: 'Removed.' };
  } catch (error) {
    return failureState(error, {});
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
