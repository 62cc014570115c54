'use server';

import { revalidatePath } from 'next/cache';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { createIntegration, deleteIntegration, rotateIntegrationSecret, updateIntegration, type IntegrationJson } from '@/lib/integrations/integrations';
import { snippetsFor, type Snippet } from '@/lib/integrations/snippets';
import { previewMapping, sendTestEvent, type MappingPreview } from '@/lib/integrations/test-event';
import { integrationInputSchema, integrationPatchSchema, mappingPreviewSchema } from '@/lib/schemas/integration';
import { dashboardContext } from '../dashboard-context';
import { integrationInputOf, integrationPatchOf, mappingInputOf } from './form-input';

/** ShownSecret is the one time an integration's key or URL token is shown, with its snippets filled in. */
export interface ShownSecret {
  id: string;
  name: string;
  url: string;
  secret: string;
  snippets: Snippet[];
}

function shown(integration: IntegrationJson): ShownSecret {
  const secret = integration.key ?? integration.token ?? '';
  return {
    id: integration.id,
    name: integration.name,
    url: integration.url,
    secret,
    snippets: snippetsFor({ kind: integration.kind, name: integration.name, url: integration.url, key: secret, preset: integration.preset, sample: integration.sample, hmac: integration.hmac }),
  };
}

/** createIntegrationAction creates an integration from the form (admins only) and shows its key or URL, once. */
export async function createIntegrationAction(teamId: string, _previous: FormState<ShownSecret>, formData: FormData): Promise<FormState<ShownSecret>> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const created = await createIntegration(scope, integrationInputSchema.parse(integrationInputOf(values)));
    revalidatePath(`/w/${teamId}/integrations`);
    return { status: 'ok', message: `Created “${created.name}”. Copy its ${created.token ? 'URL' : 'key'} now: it is not shown again.`, result: shown(created) };
  } catch (error) {
    return failureState(error, values);
  }
}

/** previewMappingAction maps the pasted sample with the form's unsaved mapping; nothing is stored. */
export async function previewMappingAction(teamId: string, _previous: FormState<MappingPreview>, formData: FormData): Promise<FormState<MappingPreview>> {
  await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const input = mappingInputOf(values);
    return { status: 'ok', message: 'This is the alert the sample maps to.', result: previewMapping(mappingPreviewSchema.parse({ ...input, sample: input.sample ?? null })) };
  } catch (error) {
    return failureState(error, values);
  }
}

/** testEventAction sends the integration's sample through its settings (admins only). */
export async function testEventAction(teamId: string, id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    const sent = await sendTestEvent(scope, id);
    revalidatePath(`/w/${teamId}/integrations`);
    return { status: 'ok', message: `${sent.result}: see Alerts.` };
  } catch (error) {
    return failureState(error, {});
  }
}

/** rotateAction replaces the integration's key or URL (admins only) and shows the new one, once. */
export async function rotateAction(teamId: string, id: string, _previous: FormState<ShownSecret>, _formData: FormData): Promise<FormState<ShownSecret>> {
  const { scope } = await dashboardContext(teamId);
  try {
    const rotated = await rotateIntegrationSecret(scope, id);
    revalidatePath(`/w/${teamId}/integrations`);
    return { status: 'ok', message: 'The old one stopped working. Copy the new one now.', result: shown(rotated) };
  } catch (error) {
    return failureState(error, {});
  }
}

/** deleteAction removes an integration and revokes its key (admins only). */
export async function deleteAction(teamId: string, id: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    await deleteIntegration(scope, id);
    revalidatePath(`/w/${teamId}/integrations`);
    return { status: 'ok', message: 'Deleted.' };
  } catch (error) {
    return failureState(error, {});
  }
}

/** updateAction changes an integration's settings from its edit form (admins only). */
export async function updateAction(teamId: string, id: string, kind: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData);
  try {
    const updated = await updateIntegration(scope, id, integrationPatchSchema.parse(integrationPatchOf(kind, values)));
    revalidatePath(`/w/${teamId}/integrations`);
    return { status: 'ok', message: `Saved “${updated.name}”.` };
  } catch (error) {
    return failureState(error, values);
  }
}
