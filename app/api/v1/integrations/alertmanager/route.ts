import { webRoute } from '@/lib/http/web-route';
import { alertmanagerIntake } from '@/lib/integrations/endpoints';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/alertmanager: Alertmanager's webhook (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(alertmanagerIntake);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
