import { apiKeyJson } from '@/lib/api-keys/api-key-json';
import { createApiKey, listApiKeys } from '@/lib/api-keys/api-keys';
import { withApi } from '@/lib/http/with-api';
import { apiKeyInputSchema } from '@/lib/schemas/api-key';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/api-keys: creates a key (admins); the key itself is in this answer only. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const created = await createApiKey(scope, apiKeyInputSchema.parse(await json()));
  return Response.json({ ...apiKeyJson(created), key: created.key }, { status: 201 });
});

/** GET /api/v1/api-keys: the workspace's keys (prefixes only). */
export const GET = withApi('config:write', async ({ scope }) => Response.json({ api_keys: (await listApiKeys(scope)).map(apiKeyJson) }));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
