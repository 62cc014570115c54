'use server';

import { revalidatePath } from 'next/cache';
import { createEscalationPolicy, deleteEscalationPolicy, updateEscalationPolicy } from '@/lib/escalation/policies';
import { parsePolicyForm } from '@/lib/escalation/policy-form';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { dashboardContext } from '../dashboard-context';

/** createPolicyAction adds an escalation policy from the form (admins only). */
export async function createPolicyAction(teamId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const policy = await createEscalationPolicy(scope, parsePolicyForm(values));
    revalidatePath(`/w/${teamId}/escalation`);
    return { status: 'ok', message: `Created the policy “${policy.name}”.` };
  } catch (error) {
    return failureState(error, values);
  }
}

/** updatePolicyAction replaces a policy's name, repeat and steps with the edit form's (admins only). */
export async function updatePolicyAction(teamId: string, policyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const policy = await updateEscalationPolicy(scope, policyId, parsePolicyForm(values));
    revalidatePath(`/w/${teamId}/escalation`);
    return { status: 'ok', message: `Saved the policy “${policy.name}”.` };
  } catch (error) {
    return failureState(error, values);
  }
}

/** deletePolicyAction removes a policy (admins only; refused while a route uses it). */
export async function deletePolicyAction(teamId: string, policyId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await deleteEscalationPolicy(scope, policyId);
    revalidatePath(`/w/${teamId}/escalation`);
    return { status: 'ok', message: 'Deleted.' };
  } catch (error) {
    return failureState(error, {});
  }
}
