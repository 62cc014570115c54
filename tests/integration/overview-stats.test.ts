// The overview's mean time to acknowledge per route, computed in PostgreSQL from the alerts' matched routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, disconnectDb } from '@/lib/db';
import { computeOverviewStats, FRESH_MS, overviewStats } from '@/lib/workspaces/overview-stats';
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

describe('overviewStats (the page\'s cached figures)', () => {
  it('shows a new alert and a status change on the next view, not after the cache expires, and says when it was computed', async () => {
    const before = await overviewStats(scope);
    const openOf = (stats: typeof before) => stats.openBySeverity.reduce((sum, row) => sum + row.count, 0);
    expect(await overviewStats(scope)).toBe(before); // unchanged: served from the cache
    expect(before.computedAt.getTime()).toBeLessThanOrEqual(Date.now());

    const alert = await ingestAlert(scope, { action: 'trigger', eventType: 'fresh.test', severity: 'warning', title: 'fresh', fields: {}, links: [] });
    const afterAlert = await overviewStats(scope);
    expect(openOf(afterAlert)).toBe(openOf(before) + 1);
    expect(afterAlert.computedAt.getTime()).toBeGreaterThanOrEqual(before.computedAt.getTime());

    await changeAlertStatusFor(scope, alert.id, 'resolve');
    expect(openOf(await overviewStats(scope))).toBe(openOf(before));
  });

  it('recomputes figures older than FRESH_MS, whatever changed elsewhere', async () => {
    const first = await overviewStats(scope);
    expect(await overviewStats(scope, Date.now() + FRESH_MS + 1)).not.toBe(first);
  });
});
