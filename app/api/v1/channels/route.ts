import { channelJson, listChannels } from '@/lib/channels/channel-cache';
import { apiQuery } from '@/lib/http/api-query';
import { withApi } from '@/lib/http/with-api';
import { otherMethods } from '@/lib/http/other-methods';

export const dynamic = 'force-dynamic';

/** GET /api/v1/channels: the workspace's channels from the cache (`?refresh=true` re-reads Slack). */
export const GET = withApi('alerts:read', async ({ request, scope }) => {
  const refresh = apiQuery(request).get('refresh') === 'true';
  return Response.json({ channels: (await listChannels(scope, { refresh })).map(channelJson) });
});

/** The other methods: 405 with `Allow` and the API's JSON error. */
export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
