import { healthAnswer } from '@/lib/health';
import { publicRoute } from '@/lib/http/web-route';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 when the app and its database answer, 503 otherwise (with Retry-After while the database is away). */
export const GET = publicRoute(healthAnswer);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
