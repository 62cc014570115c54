import { withApi } from '@/lib/http/with-api';
import { templateInputSchema } from '@/lib/schemas/template';
import { deleteTemplate, getTemplate, templateJson, updateTemplate } from '@/lib/templates/templates';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/templates/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(templateJson(await getTemplate(scope, params.id))));

/** PUT /api/v1/templates/{id}: replaces name and blocks. */
export const PUT = withApi<{ id: string }>('config:write', async ({ json, scope, params }) =>
  Response.json(templateJson(await updateTemplate(scope, params.id, templateInputSchema.parse(await json())))),
);

/** PATCH /api/v1/templates/{id}: same as PUT (name and blocks). */
export const PATCH = PUT;

/** DELETE /api/v1/templates/{id}: refused (409) while a route uses it. */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteTemplate(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST } = otherMethods({ GET, PUT, PATCH, DELETE });
