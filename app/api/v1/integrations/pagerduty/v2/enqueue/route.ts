import { webRoute } from '@/lib/http/web-route';
import { pagerDutyIntake } from '@/lib/integrations/endpoints';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/pagerduty/v2/enqueue: PagerDuty Events API v2 (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(pagerDutyIntake);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
