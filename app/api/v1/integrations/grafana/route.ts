import { webRoute } from '@/lib/http/web-route';
import { grafanaIntake } from '@/lib/integrations/endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/grafana: Grafana's webhook contact point (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(grafanaIntake);
