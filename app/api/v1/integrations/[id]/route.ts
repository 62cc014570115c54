import { withApi } from '@/lib/http/with-api';
import { deleteIntegration, getIntegration, updateIntegration } from '@/lib/integrations/integrations';
import { integrationPatchSchema } from '@/lib/schemas/integration';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/integrations/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(await getIntegration(scope, params.id)));

/** PATCH /api/v1/integrations/{id}: changes some settings (`null` removes one). */
export const PATCH = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(await updateIntegration(scope, params.id, integrationPatchSchema.parse(await json()))),
);

/** DELETE /api/v1/integrations/{id}: removes it and revokes its key. */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteIntegration(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT } = otherMethods({ GET, PATCH, DELETE });
