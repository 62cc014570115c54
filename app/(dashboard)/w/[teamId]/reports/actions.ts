'use server';

import { revalidatePath } from 'next/cache';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { parseReportForm } from '@/lib/reports/report-form';
import { createReport } from '@/lib/reports/reports';
import { dashboardContext } from '../dashboard-context';

/** createReportAction adds a scheduled report from the form (admins only); its first send is scheduled. */
export async function createReportAction(teamId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData, ['days']);
  try {
    await createReport(scope, parseReportForm(values));
    revalidatePath(`/w/${teamId}/reports`);
    return { status: 'ok', message: 'Report scheduled: its preview and next send time are below.' };
  } catch (error) {
    return failureState(error, values);
  }
}
