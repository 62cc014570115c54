import { withApi } from '@/lib/http/with-api';
import { rotateIntegrationSecret } from '@/lib/integrations/integrations';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/{id}/rotate: a new key (or webhook URL token), shown in this answer only; the old one stops. */
export const POST = withApi<{ id: string }>('config:write', async ({ scope, params }) => Response.json(await rotateIntegrationSecret(scope, params.id)));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
