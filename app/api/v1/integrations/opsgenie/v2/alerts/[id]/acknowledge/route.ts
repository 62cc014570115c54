import { webRoute } from '@/lib/http/web-route';
import { opsgenieAction } from '@/lib/integrations/endpoints';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/opsgenie/v2/alerts/{id}/acknowledge?identifierType=id|alias */
export const POST = webRoute(opsgenieAction('acknowledge'));
