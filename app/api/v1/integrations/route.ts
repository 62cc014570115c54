import { withApi } from '@/lib/http/with-api';
import { createIntegration, listIntegrations } from '@/lib/integrations/integrations';
import { integrationInputSchema } from '@/lib/schemas/integration';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/integrations: the workspace's integrations, newest first (no secrets). */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ integrations: await listIntegrations(scope) }));

/** POST /api/v1/integrations: adds an integration; its key (or a webhook's URL token) is in this answer only. */
export const POST = withApi('config:write', async ({ json, scope }) =>
  Response.json(await createIntegration(scope, integrationInputSchema.parse(await json())), { status: 201 }),
);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
