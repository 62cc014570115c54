import { webRoute } from '@/lib/http/web-route';
import { opsgenieCreate } from '@/lib/integrations/endpoints';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/opsgenie/v2/alerts: Opsgenie's create alert (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(opsgenieCreate);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
