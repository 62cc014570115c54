import { apiQuery } from '@/lib/http/api-query';
import { withApi } from '@/lib/http/with-api';
import { silenceListQuerySchema, silenceInputSchema } from '@/lib/schemas/silence';
import { readSearchParams } from '@/lib/schemas/read-search-params';
import { createSilence, listSilences, silenceJson } from '@/lib/silences/silences';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/silences: the workspace's silences, those not over first (optionally filtered by `state`). */
export const GET = withApi('alerts:read', async ({ request, scope }) => {
  const query = silenceListQuerySchema.parse(readSearchParams(apiQuery(request)));
  return Response.json({ silences: (await listSilences(scope, query)).map((silence) => silenceJson(silence)) });
});

/** POST /api/v1/silences: holds back matching new alerts until `ends_at`. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const silence = await createSilence(scope, silenceInputSchema.parse(await json()));
  return Response.json(silenceJson(silence), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
