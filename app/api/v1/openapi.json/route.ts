import { openApiDocument } from '@/lib/openapi/openapi-document';

export const dynamic = 'force-static';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of the REST API (public). */
export function GET(): Response {
  return Response.json(openApiDocument());
}
