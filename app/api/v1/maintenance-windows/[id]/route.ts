import { withApi } from '@/lib/http/with-api';
import { deleteMaintenanceWindow, getMaintenanceWindow, windowJson } from '@/lib/silences/maintenance-windows';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/maintenance-windows/{id} */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(windowJson(await getMaintenanceWindow(scope, params.id))));

/** DELETE /api/v1/maintenance-windows/{id}: no more occurrences; one under way ends now. */
export const DELETE = withApi<{ id: string }>('config:write', async ({ scope, params }) => {
  await deleteMaintenanceWindow(scope, params.id);
  return new Response(null, { status: 204 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH } = otherMethods({ GET, DELETE });
