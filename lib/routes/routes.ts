// Routing rules of a workspace: CRUD with the channels checked against the workspace's channel cache and
// templates against its own templates. Every change drops the routing cache of this process.
import { forgetRoutingConfig } from '../alerts/routing-config';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { findChannels } from '../channels/channel-cache';
import { channelOption } from '../channels/channel-options';
import { db } from '../db';
import { AppError } from '../errors';
import { assertEscalationPolicy } from '../escalation/policies';
import type { Route } from '../generated/prisma/client';
import type { RouteInput, RoutePatch } from '../schemas/route';

/** routeJson renders a route in the API's shape. */
export function routeJson(route: Route) {
  return {
    id: route.id,
    name: route.name,
    event_types: route.eventTypes,
    severities: route.severities,
    channels: route.channelIds,
    template_id: route.templateId,
    enabled: route.enabled,
    escalation_policy_id: route.escalationPolicyId,
    auto_resolve_minutes: route.autoResolveMinutes,
    reminder_minutes: route.reminderMinutes,
    reminder_retrigger: route.reminderRetrigger,
    storm_limit: route.stormLimit,
    thread_replies: route.threadReplies,
    group_by: route.groupBy,
    position: route.position,
    created_at: route.createdAt,
    updated_at: route.updatedAt,
  };
}

// A route may not add a channel Klaxon cannot post to (archived, or private without the bot), as the channel
// picker refuses it; one the route already had stays, as in the picker, so that an unrelated edit still saves.
async function assertReferences(
  scope: WorkspaceScope,
  channels: readonly string[] | undefined,
  templateId: string | null | undefined,
  current: readonly string[] = [],
) {
  if (channels) {
    const { found, unknown } = await findChannels(scope.workspaceId, channels);
    if (unknown.length) {
      throw new AppError('invalid_request', `channels: ${unknown.join(', ')} is not a channel of this workspace`, [
        { field: 'channels', message: `unknown channel ${unknown.join(', ')}` },
      ]);
    }
    const refused = found.map(channelOption).filter((channel) => channel.unavailable && !current.includes(channel.id));
    if (refused.length) {
      const details = refused.map((channel) => ({ field: 'channels', message: `#${channel.name} (${channel.id}): ${channel.unavailable!}` }));
      throw new AppError('invalid_request', `channels: ${details.map((detail) => detail.message).join(' ')}`, details);
    }
  }
  if (templateId) {
    const template = await db().template.findFirst({ where: { id: templateId, workspaceId: scope.workspaceId }, select: { id: true } });
    if (!template) throw new AppError('invalid_request', 'template_id: no such template', [{ field: 'template_id', message: 'no such template' }]);
  }
}

async function findRoute(scope: WorkspaceScope, id: string): Promise<Route> {
  const route = await db().route.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!route) throw new AppError('not_found', 'No such route.');
  return route;
}

/** listRoutes returns the workspace's routes in evaluation order. */
export function listRoutes(scope: WorkspaceScope): Promise<Route[]> {
  return db().route.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
}

/** createRoute adds a route at the end of the order (admins only). */
export async function createRoute(scope: WorkspaceScope, input: RouteInput): Promise<Route> {
  assertAdmin(scope);
  await assertReferences(scope, input.channels, input.templateId);
  await assertEscalationPolicy(scope, input.escalationPolicyId);
  const last = await db().route.aggregate({ where: { workspaceId: scope.workspaceId }, _max: { position: true } });
  const route = await db().route.create({
    data: {
      workspaceId: scope.workspaceId,
      name: input.name,
      eventTypes: input.eventTypes,
      severities: input.severities,
      channelIds: input.channels,
      templateId: input.templateId ?? null,
      enabled: input.enabled,
      escalationPolicyId: input.escalationPolicyId ?? null,
      autoResolveMinutes: input.autoResolveMinutes ?? null,
      reminderMinutes: input.reminderMinutes ?? null,
      reminderRetrigger: input.reminderRetrigger,
      stormLimit: input.stormLimit,
      threadReplies: input.threadReplies,
      groupBy: input.groupBy,
      position: (last._max.position ?? -1) + 1,
    },
  });
  forgetRoutingConfig(scope.workspaceId);
  return route;
}

/** updateRoute changes the given fields of a route (admins only). */
export async function updateRoute(scope: WorkspaceScope, id: string, patch: RoutePatch): Promise<Route> {
  assertAdmin(scope);
  const existing = await findRoute(scope, id);
  await assertReferences(scope, patch.channels, patch.templateId, existing.channelIds);
  await assertEscalationPolicy(scope, patch.escalationPolicyId);
  const route = await db().route.update({
    where: { id },
    data: {
      name: patch.name,
      eventTypes: patch.eventTypes,
      severities: patch.severities,
      channelIds: patch.channels,
      templateId: patch.templateId,
      enabled: patch.enabled,
      escalationPolicyId: patch.escalationPolicyId,
      autoResolveMinutes: patch.autoResolveMinutes,
      reminderMinutes: patch.reminderMinutes,
      reminderRetrigger: patch.reminderRetrigger,
      stormLimit: patch.stormLimit,
      threadReplies: patch.threadReplies,
      groupBy: patch.groupBy,
    },
  });
  forgetRoutingConfig(scope.workspaceId);
  return route;
}

/** deleteRoute removes a route (admins only); alerts it already routed keep their deliveries. */
export async function deleteRoute(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  await findRoute(scope, id);
  await db().route.delete({ where: { id } });
  forgetRoutingConfig(scope.workspaceId);
}

/** getRoute returns one route of the workspace. */
export function getRoute(scope: WorkspaceScope, id: string): Promise<Route> {
  return findRoute(scope, id);
}

/**
 * reorderRoutes sets the evaluation order (admins only): `ids` lists every route of the workspace once, first
 * first. Order decides which route's template a channel gets, so a partial or stale list is refused (400)
 * rather than guessed at.
 */
export async function reorderRoutes(scope: WorkspaceScope, ids: readonly string[]): Promise<Route[]> {
  assertAdmin(scope);
  const routes = await db().$transaction(async (tx) => {
    // Locks the workspace's routes so that two reorders (or a create) cannot interleave their positions.
    const current = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM routes WHERE workspace_id = ${scope.workspaceId} ORDER BY position, id FOR UPDATE`;
    const known = new Set(current.map((row) => row.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new AppError('invalid_request', `route_ids: must list each of the workspace's ${known.size} routes once`, [
        { field: 'route_ids', message: `must list each of the workspace's ${known.size} routes once` },
      ]);
    }
    await tx.$executeRaw`
      UPDATE routes r SET position = o.position, updated_at = now()
      FROM unnest(${[...ids]}::text[]) WITH ORDINALITY AS o(id, position)
      WHERE r.id = o.id AND r.workspace_id = ${scope.workspaceId}`;
    return tx.route.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  });
  forgetRoutingConfig(scope.workspaceId);
  return routes;
}

/** moveRoute moves one route a place up (-1) or down (+1) in the order; at either end it stays. */
export async function moveRoute(scope: WorkspaceScope, id: string, by: -1 | 1): Promise<Route[]> {
  const ids = (await listRoutes(scope)).map((route) => route.id);
  const from = ids.indexOf(id);
  if (from < 0) throw new AppError('not_found', 'No such route.');
  const to = from + by;
  if (to < 0 || to >= ids.length) return listRoutes(scope);
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return reorderRoutes(scope, ids);
}
