import { retryDeliveries } from '@/lib/alerts/retry-deliveries';
import { otherMethods } from '@/lib/http/other-methods';
import { withApi } from '@/lib/http/with-api';
import { deliveryRetrySchema } from '@/lib/schemas/delivery';

export const dynamic = 'force-dynamic';

/** POST /api/v1/deliveries/retry `{ alert_id?, channel? }`: queues dead deliveries again (the workspace's, an alert's, or one); 200 `{ retried }`. */
export const POST = withApi('alerts:write', async ({ json, scope }) => Response.json(await retryDeliveries(scope, deliveryRetrySchema.parse(await json()))));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
