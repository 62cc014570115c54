import { openApiDocument } from '@/lib/openapi/openapi-document';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-static';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of the REST API (public). */
export function GET(): Response {
  return Response.json(openApiDocument());
}

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
