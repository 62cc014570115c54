import { withApi } from '@/lib/http/with-api';
import { maintenanceWindowInputSchema } from '@/lib/schemas/silence';
import { createMaintenanceWindow, listMaintenanceWindows, windowJson } from '@/lib/silences/maintenance-windows';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/maintenance-windows: the workspace's weekly silences, with each one's next occurrence. */
export const GET = withApi('alerts:read', async ({ scope }) => Response.json({ maintenance_windows: (await listMaintenanceWindows(scope)).map((window) => windowJson(window)) }));

/** POST /api/v1/maintenance-windows: a silence on a weekly schedule in a time zone. */
export const POST = withApi('config:write', async ({ json, scope }) => {
  const window = await createMaintenanceWindow(scope, maintenanceWindowInputSchema.parse(await json()));
  return Response.json(windowJson(window), { status: 201 });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
