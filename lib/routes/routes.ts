// Routing rules of a workspace: CRUD with the channels checked against the workspace's channel cache and
// templates against its own templates. Every change drops the routing cache of this process.
import { forgetRoutingConfig } from '../alerts/routing-config';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { findUnknownChannels } from '../channels/channel-cache';
import { db } from '../db';
import { AppError } from '../errors';
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
    storm_limit: route.stormLimit,
    thread_replies: route.threadReplies,
    position: route.position,
    created_at: route.createdAt,
    updated_at: route.updatedAt,
  };
}

async function assertReferences(scope: WorkspaceScope, channels: readonly string[] | undefined, templateId: string | null | undefined) {
  if (channels) {
    const unknown = await findUnknownChannels(scope.workspaceId, channels);
    if (unknown.length) {
      throw new AppError('invalid_request', `channels: ${unknown.join(', ')} is not a channel of this workspace`, [
        { field: 'channels', message: `unknown channel ${unknown.join(', ')}` },
      ]);
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
      stormLimit: input.stormLimit,
      threadReplies: input.threadReplies,
      position: (last._max.position ?? -1) + 1,
    },
  });
  forgetRoutingConfig(scope.workspaceId);
  return route;
}

/** updateRoute changes the given fields of a route (admins only). */
export async function updateRoute(scope: WorkspaceScope, id: string, patch: RoutePatch): Promise<Route> {
  assertAdmin(scope);
  await findRoute(scope, id);
  await assertReferences(scope, patch.channels, patch.templateId);
  const route = await db().route.update({
    where: { id },
    data: {
      name: patch.name,
      eventTypes: patch.eventTypes,
      severities: patch.severities,
      channelIds: patch.channels,
      templateId: patch.templateId,
      enabled: patch.enabled,
      stormLimit: patch.stormLimit,
      threadReplies: patch.threadReplies,
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
