'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { parseTemplateForm, pointerOf, type TemplateIssue } from '@/lib/templates/template-form';
import { AppError } from '@/lib/errors';
import { createTemplate, deleteTemplate, updateTemplate } from '@/lib/templates/templates';
import { dashboardContext } from '../dashboard-context';

/** saveTemplateAction creates (templateId null) or updates a template from the editor (admins only). */
export async function saveTemplateAction(
  teamId: string,
  templateId: string | null,
  _previous: FormState<TemplateIssue[]>,
  formData: FormData,
): Promise<FormState<TemplateIssue[]>> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  const parsed = parseTemplateForm(String(values.name ?? ''), String(values.blocks ?? ''));
  if (!parsed.ok) {
    const nameIssue = parsed.issues.find((issue) => issue.pointer === '/name');
    return {
      status: 'error',
      message: `The template has ${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}.`,
      fieldErrors: nameIssue ? { name: nameIssue.message } : {},
      values,
      result: parsed.issues,
    };
  }
  let savedId: string;
  try {
    const saved = templateId ? await updateTemplate(scope, templateId, parsed.input) : await createTemplate(scope, parsed.input);
    savedId = saved.id;
  } catch (error) {
    const state = failureState<TemplateIssue[]>(error, values);
    const details = error instanceof AppError && Array.isArray(error.details) ? (error.details as Array<{ field: string; message: string }>) : [];
    return { ...state, result: details.map((detail) => ({ pointer: pointerOf(detail.field), message: detail.message })) };
  }
  revalidatePath(`/w/${teamId}/templates`);
  if (!templateId) redirect(`/w/${teamId}/templates/${savedId}?created=1`);
  return { status: 'ok', message: 'Saved.', values };
}

/** deleteTemplateAction deletes a template no route uses (admins only); otherwise it says which is the case. */
export async function deleteTemplateAction(teamId: string, templateId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await deleteTemplate(scope, templateId);
  } catch (error) {
    return failureState(error, {});
  }
  revalidatePath(`/w/${teamId}/templates`);
  redirect(`/w/${teamId}/templates`);
}
