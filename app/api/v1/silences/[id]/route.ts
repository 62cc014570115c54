import { withApi } from '@/lib/http/with-api';
import { silencePatchSchema } from '@/lib/schemas/silence';
import { expireSilence, getSilence, silenceJson, updateSilence } from '@/lib/silences/silences';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/silences/{id}: one silence, with how many open alerts it holds. */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(silenceJson(await getSilence(scope, params.id))));

/** PATCH /api/v1/silences/{id}: changes the given fields; a new end reschedules the release. */
export const PATCH = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(silenceJson(await updateSilence(scope, params.id, silencePatchSchema.parse(await json())))),
);

/** DELETE /api/v1/silences/{id}: expires the silence now (it stays listed as expired); the open alerts it held are posted. */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => Response.json(silenceJson(await expireSilence(scope, params.id))));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
