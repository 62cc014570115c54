import { apiKeyJson } from '@/lib/api-keys/api-key-json';
import { revokeApiKey } from '@/lib/api-keys/api-keys';
import { withApi } from '@/lib/http/with-api';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** DELETE /api/v1/api-keys/{id}: revokes a key at once. */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) =>
  Response.json(apiKeyJson(await revokeApiKey(scope, params.id))),
);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, POST, PUT, PATCH } = otherMethods({ DELETE });
