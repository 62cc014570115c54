import { withApi } from '@/lib/http/with-api';
import { deleteReport, getReport, reportJson } from '@/lib/reports/reports';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/reports/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(reportJson(await getReport(scope, params.id))));

/** DELETE /api/v1/reports/{id} */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteReport(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH } = otherMethods({ GET, DELETE });
