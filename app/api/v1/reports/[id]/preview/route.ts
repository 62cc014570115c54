import { withApi } from '@/lib/http/with-api';
import { getReport, renderReport } from '@/lib/reports/reports';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/reports/{id}/preview: the message the report would post now (`text`, `blocks`). */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(await renderReport(await getReport(scope, params.id))));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
