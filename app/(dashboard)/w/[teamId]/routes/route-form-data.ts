// What the route form needs from the server, for the new-route form and the edit page alike.
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { listChannels } from '@/lib/channels/channel-cache';
import { listEscalationPolicies } from '@/lib/escalation/policies';
import { channelOption } from '@/lib/channels/channel-options';
import { recentEventTypes } from '@/lib/routes/recent-event-types';
import { listTemplates } from '@/lib/templates/templates';

/** routeFormData loads the channel picker's channels, the templates, the event-type suggestions and the escalation policies. */
export async function routeFormData(scope: WorkspaceScope) {
  const [channels, templates, eventTypes, policies] = await Promise.all([
    listChannels(scope).catch(() => []),
    listTemplates(scope),
    recentEventTypes(scope),
    listEscalationPolicies(scope),
  ]);
  return {
    channels: channels.map(channelOption),
    templates: templates.map((template) => ({ id: template.id, name: template.name })),
    eventTypes,
    policies: policies.map((policy) => ({ id: policy.id, name: policy.name })),
  };
}
