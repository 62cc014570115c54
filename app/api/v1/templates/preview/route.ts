import { withApi } from '@/lib/http/with-api';
import { templatePreviewSchema } from '@/lib/schemas/template';
import { previewTemplate } from '@/lib/templates/templates';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** POST /api/v1/templates/preview: renders a sample alert as Slack will receive it. */
export const POST = withApi('alerts:read', async ({ json, scope }) =>
  Response.json(await previewTemplate(scope, templatePreviewSchema.parse(await json()))),
);

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
