import { withApi } from '@/lib/http/with-api';
import { previewMapping } from '@/lib/integrations/test-event';
import { mappingPreviewSchema } from '@/lib/schemas/integration';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/preview: maps a pasted sample body with an unsaved mapping; stores nothing. */
export const POST = withApi('alerts:read', async ({ json }) => Response.json({ alert: previewMapping(mappingPreviewSchema.parse(await json())) }));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
