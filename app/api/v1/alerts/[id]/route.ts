import { getAlertDetail } from '@/lib/alerts/alert-views';
import { withApi } from '@/lib/http/with-api';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/alerts/{id}: one alert with its deliveries and activity timeline. */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(await getAlertDetail(scope, params.id)));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
