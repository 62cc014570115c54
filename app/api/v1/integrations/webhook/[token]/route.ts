import { webRoute } from '@/lib/http/web-route';
import { webhookIntake } from '@/lib/integrations/webhook-intake';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/webhook/{token}: any JSON, by the integration's mapping (also served by node:http, lib/http/node-route.ts). */
export const POST = webRoute(webhookIntake);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
