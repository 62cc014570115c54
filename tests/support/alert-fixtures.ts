// Test helpers for the alert pipeline: an API-key scope for an installed workspace, routes, and waiting for
// the worker to reach a state.
import { createApiKey, authenticateApiKey } from '@/lib/api-keys/api-keys';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db } from '@/lib/db';
import type { Severity } from '@/lib/generated/prisma/client';
import { forgetRoutingConfig } from '@/lib/alerts/routing-config';

/** keyScope creates an API key in the workspace and returns the scope it authenticates as, and the key. */
export async function keyScope(workspaceId: string, name = 'tests'): Promise<{ scope: WorkspaceScope; key: string }> {
  const admin: WorkspaceScope = { workspaceId, role: 'admin', actor: { type: 'dashboard_user', id: 'test-admin', slackUserId: 'U0TEST', name: 'test admin' } };
  const created = await createApiKey(admin, { name, scopes: ['alerts:write', 'alerts:read', 'config:write'] });
  return { scope: (await authenticateApiKey(created.key)).scope, key: created.key };
}

/** addRoute stores a route directly (the routes API has its own tests). */
export async function addRoute(
  workspaceId: string,
  route: { eventTypes: string[]; severities: Severity[]; channelIds: string[]; templateId?: string; position?: number; stormLimit?: number; groupBy?: string },
) {
  const created = await db().route.create({
    data: { workspaceId, name: route.eventTypes.join(','), templateId: route.templateId ?? null, position: route.position ?? 0, ...route },
  });
  forgetRoutingConfig(workspaceId);
  return created;
}

/** waitFor polls until check returns a truthy value (or fails after timeoutMs). */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
