// The overview's mean time to acknowledge per route, computed in PostgreSQL from the alerts' matched routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, disconnectDb } from '@/lib/db';
import { computeOverviewStats } from '@/lib/workspaces/overview-stats';
import { addRoute, keyScope } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  ({ scope } = await keyScope(workspaces.acme.id));
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

async function acknowledgedAfter(eventType: string, seconds: number): Promise<void> {
  const alert = await ingestAlert(scope, { action: 'trigger', eventType, severity: 'critical', title: eventType, fields: {}, links: [] });
  const { createdAt } = await db().alert.findUniqueOrThrow({ where: { id: alert.id } });
  await db().alert.update({ where: { id: alert.id }, data: { status: 'acknowledged', acknowledgedAt: new Date(createdAt.getTime() + seconds * 1000) } });
}

describe('overview statistics', () => {
  it('averages time to acknowledge per matched route, slowest first, counting an alert for every route it matched', async () => {
    const deploys = await addRoute(workspaces.acme.id, { eventTypes: ['deploy.*'], severities: ['critical'], channelIds: ['C0ACMEALRT'] });
    const everything = await addRoute(workspaces.acme.id, { eventTypes: ['*'], severities: ['critical'], channelIds: ['C0ACMEALRT'], position: 1 });
    await addRoute(workspaces.acme.id, { eventTypes: ['never.*'], severities: ['critical'], channelIds: ['C0ACMEALRT'], position: 2 });
    await acknowledgedAfter('deploy.failed', 60);
    await acknowledgedAfter('deploy.failed', 180);
    await acknowledgedAfter('db.down', 600);
    await ingestAlert(scope, { action: 'trigger', eventType: 'deploy.slow', severity: 'critical', title: 'never acknowledged', fields: {}, links: [] });

    const { mttaByRoute } = await computeOverviewStats(scope);
    expect(mttaByRoute.map(({ routeId, acknowledged, meanSeconds }) => ({ routeId, acknowledged, meanSeconds: Math.round(meanSeconds) }))).toEqual([
      { routeId: everything.id, acknowledged: 3, meanSeconds: 280 },
      { routeId: deploys.id, acknowledged: 2, meanSeconds: 120 },
    ]);
  });
});
