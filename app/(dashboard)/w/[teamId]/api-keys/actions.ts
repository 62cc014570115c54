'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { alertSnippets, type AlertSnippet } from '@/lib/api-keys/alert-snippets';
import { curlExample } from '@/lib/api-keys/curl-example';
import { failureState, readFormValues, type FormState } from '@/lib/forms/form-state';
import { env } from '@/lib/env';
import { apiKeyInputSchema } from '@/lib/schemas/api-key';
import { dashboardContext } from '../dashboard-context';

/** CreatedKey is the one time a new key is shown. */
export interface CreatedKey {
  name: string;
  key: string;
  curl: string;
  /** The same test alert in Node.js, Python and Go. */
  snippets: AlertSnippet[];
}

/** createKeyAction creates an API key from the form (admins only) and returns the key, once. */
export async function createKeyAction(teamId: string, _previous: FormState<CreatedKey>, formData: FormData): Promise<FormState<CreatedKey>> {
  const { scope } = await dashboardContext(teamId);
  const values = readFormValues(formData, ['scopes']);
  try {
    const input = apiKeyInputSchema.parse({ name: values.name, scopes: values.scopes });
    const created = await createApiKey(scope, input);
    revalidatePath(`/w/${teamId}/api-keys`);
    return {
      status: 'ok',
      message: `Created the key “${created.name}”. Copy it now: it is not shown again.`,
      result: {
        name: created.name,
        key: created.key,
        curl: curlExample(env().appUrl, created.key),
        snippets: alertSnippets(env().appUrl, created.key).filter((snippet) => snippet.language !== 'curl'),
      },
    };
  } catch (error) {
    return failureState(error, values);
  }
}

/** revokeKeyAction revokes one of the workspace's keys (admins only). */
export async function revokeKeyAction(teamId: string, keyId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { scope } = await dashboardContext(teamId);
  try {
    const key = await revokeApiKey(scope, keyId);
    revalidatePath(`/w/${teamId}/api-keys`);
    return { status: 'ok', message: `Revoked “${key.name}”.` };
  } catch (error) {
    return failureState(error, {});
  }
}
