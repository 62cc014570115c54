import { webRoute } from '@/lib/http/web-route';
import { opsgenieAction } from '@/lib/integrations/endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/opsgenie/v2/alerts/{id}/close?identifierType=id|alias: resolves the alert. */
export const POST = webRoute(opsgenieAction('resolve'));
