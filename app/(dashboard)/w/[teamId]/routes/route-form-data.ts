// What the route form needs from the server, for the new-route form and the edit page alike.
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { listChannels } from '@/lib/channels/channel-cache';
import { channelOption } from '@/lib/channels/channel-options';
import { recentEventTypes } from '@/lib/routes/recent-event-types';
import { listTemplates } from '@/lib/templates/templates';

/** routeFormData loads the channel picker's channels, the templates and the event-type suggestions. */
export async function routeFormData(scope: WorkspaceScope) {
  const [channels, templates, eventTypes] = await Promise.all([
    listChannels(scope).catch(() => []),
    listTemplates(scope),
    recentEventTypes(scope),
  ]);
  return {
    channels: channels.map(channelOption),
    templates: templates.map((template) => ({ id: template.id, name: template.name })),
    eventTypes,
  };
}
