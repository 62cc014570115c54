import { withApi } from '@/lib/http/with-api';
import { sendTestEvent } from '@/lib/integrations/test-event';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/{id}/test: sends the integration's sample through its own mapping (202). */
export const POST = withApi<{ id: string }>('alerts:write', async ({ scope, params }) => Response.json(await sendTestEvent(scope, params.id), { status: 202 }));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
