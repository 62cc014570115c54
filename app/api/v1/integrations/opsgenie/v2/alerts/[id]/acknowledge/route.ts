import { webRoute } from '@/lib/http/web-route';
import { opsgenieAction } from '@/lib/integrations/endpoints';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/integrations/opsgenie/v2/alerts/{id}/acknowledge?identifierType=id|alias */
export const POST = webRoute(opsgenieAction('acknowledge'));

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
