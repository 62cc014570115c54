import { webRoute } from '@/lib/http/web-route';
import { grafanaIntake } from '@/lib/integrations/endpoints';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/grafana: Grafana's webhook contact point (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(grafanaIntake);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
