import { withApi } from '@/lib/http/with-api';
import { templateInputSchema } from '@/lib/schemas/template';
import { createTemplate, listTemplates, templateJson } from '@/lib/templates/templates';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/templates */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ templates: (await listTemplates(scope)).map(templateJson) }));

/** POST /api/v1/templates: saves a validated Block Kit template. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const template = await createTemplate(scope, templateInputSchema.parse(await json()));
  return Response.json(templateJson(template), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
