import { webRoute } from '@/lib/http/web-route';
import { alertmanagerIntake } from '@/lib/integrations/endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/alertmanager: Alertmanager's webhook (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(alertmanagerIntake);
