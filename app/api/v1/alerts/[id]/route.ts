import { getAlertDetail } from '@/lib/alerts/alert-views';
import { withApi } from '@/lib/http/with-api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/alerts/{id}: one alert with its deliveries and activity timeline. */
export const GET = withApi<{ id: string }>('alerts:read', async ({ scope, params }) => Response.json(await getAlertDetail(scope, params.id)));
