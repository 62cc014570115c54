import { webRoute } from '@/lib/http/web-route';
import { opsgenieCreate } from '@/lib/integrations/endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/opsgenie/v2/alerts: Opsgenie's create alert (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(opsgenieCreate);
