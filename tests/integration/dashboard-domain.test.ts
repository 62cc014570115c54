// The domain work behind dashboard pages, now in lib/: template usage counts, the route test alert (through
// the REST API's intake: admins only, rate-limited per caller) and the open alerts of App Home and /klaxon list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { listOpenAlerts } from '@/lib/alerts/alert-views';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, disconnectDb } from '@/lib/db';
import { provideEnv } from '@/lib/env';
import { RateLimitedError } from '@/lib/http/rate-limit';
import { sendTestAlert } from '@/lib/routes/send-test-alert';
import { metrics } from '@/lib/metrics';
import { listTemplatesWithUsage } from '@/lib/templates/templates';
import { addRoute } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;

function dashboardScope(workspaceId: string, role: WorkspaceScope['role'], id: string): WorkspaceScope {
  return { workspaceId, role, actor: { type: 'dashboard_user', id, slackUserId: `U${id}`, name: id } };
}

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

async function counted(counter: 'alertsReceived' | 'alertsRejected', label: string): Promise<number> {
  const { values } = await metrics()[counter].get();
  return values.find((value) => Object.values(value.labels).includes(label))?.value ?? 0;
}

async function addTemplate(workspaceId: string, name: string) {
  return db().template.create({ data: { workspaceId, name, blocks: [{ type: 'divider' }] } });
}

describe('listTemplatesWithUsage', () => {
  it("counts the routes of the template's own workspace that use each template", async () => {
    const acme = workspaces.acme.id;
    const [used, unused] = [await addTemplate(acme, 'a-used'), await addTemplate(acme, 'b-unused')];
    await addRoute(acme, { eventTypes: ['x.*'], severities: ['info'], channelIds: ['C0ACMEALRT'], templateId: used.id });
    await addRoute(acme, { eventTypes: ['y.*'], severities: ['info'], channelIds: ['C0ACMEALRT'], templateId: used.id, position: 1 });
    await addRoute(acme, { eventTypes: ['z.*'], severities: ['info'], channelIds: ['C0ACMEALRT'], position: 2 });
    await addTemplate(workspaces.globex.id, 'a-used');

    const templates = await listTemplatesWithUsage(dashboardScope(acme, 'viewer', 'reader'));
    expect(templates.map((template) => [template.name, template.routeCount])).toEqual([
      ['a-used', 2],
      ['b-unused', 0],
    ]);
    expect(templates.map((template) => template.id)).toEqual([used.id, unused.id]);
  });
});

describe('sendTestAlert', () => {
  it("stores an alert the route matches, on behalf of the admin, for the route's channels, counted as received", async () => {
    const acme = workspaces.acme.id;
    const route = await addRoute(acme, { eventTypes: ['deploy.*'], severities: ['error'], channelIds: ['C0ACMEALRT'], position: 10 });
    const receivedBefore = await counted('alertsReceived', 'api');
    const { received, body } = await sendTestAlert(dashboardScope(acme, 'admin', 'admin-1'), route.id);
    expect(await counted('alertsReceived', 'api')).toBe(receivedBefore + 1);
    expect(body).toMatchObject({ event_type: 'deploy.test', severity: 'error' });
    const alert = await db().alert.findUniqueOrThrow({ where: { id: received.id }, include: { deliveries: true, activity: true } });
    expect(alert).toMatchObject({ workspaceId: acme, eventType: 'deploy.test', severity: 'error', routed: true });
    expect(alert.deliveries.map((delivery) => delivery.channelId)).toEqual(['C0ACMEALRT']);
    expect(alert.activity[0]).toMatchObject({ kind: 'triggered', actorType: 'dashboard_user', actorId: 'admin-1', via: 'dashboard' });
  });

  it('refuses a viewer, and stores nothing', async () => {
    const acme = workspaces.acme.id;
    const route = await addRoute(acme, { eventTypes: ['viewer.check'], severities: ['info'], channelIds: ['C0ACMEALRT'], position: 11 });
    await expect(sendTestAlert(dashboardScope(acme, 'viewer', 'viewer-1'), route.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db().alert.count({ where: { workspaceId: acme, eventType: 'viewer.check' } })).toBe(0);
  });

  it("spends the caller's rate limit, like an alert sent to the REST API", async () => {
    const acme = workspaces.acme.id;
    const route = await addRoute(acme, { eventTypes: ['limit.check'], severities: ['info'], channelIds: ['C0ACMEALRT'], position: 12 });
    const admin = dashboardScope(acme, 'admin', 'admin-limited');
    const rejectedBefore = await counted('alertsRejected', 'rate_limited');
    provideEnv({ API_KEY_RATE_LIMIT: '2' });
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => sendTestAlert(admin, route.id)));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeLessThanOrEqual(2);
      const limited = outcomes.filter((outcome) => outcome.status === 'rejected' && outcome.reason instanceof RateLimitedError).length;
      expect(limited).toBeGreaterThanOrEqual(3);
      expect(await counted('alertsRejected', 'rate_limited')).toBe(rejectedBefore + limited);
    } finally {
      provideEnv({ API_KEY_RATE_LIMIT: '3000' });
    }
  });
});

describe('listOpenAlerts', () => {
  it("lists the workspace's triggered and acknowledged alerts, newest first, up to the limit", async () => {
    const globex = workspaces.globex.id;
    const scope = dashboardScope(globex, 'admin', 'globex-admin');
    const trigger = (title: string) => ingestAlert(scope, { action: 'trigger', eventType: 'open.check', severity: 'warning', title, fields: {}, links: [] });
    const first = await trigger('first');
    const acknowledged = await trigger('acknowledged');
    const resolved = await trigger('resolved');
    const newest = await trigger('newest');
    await db().alert.update({ where: { id: acknowledged.id }, data: { status: 'acknowledged' } });
    await db().alert.update({ where: { id: resolved.id }, data: { status: 'resolved', openDedupKey: null } });

    expect((await listOpenAlerts(globex, 10)).map((alert) => alert.id)).toEqual([newest.id, acknowledged.id, first.id]);
    expect((await listOpenAlerts(globex, 2)).map((alert) => alert.id)).toEqual([newest.id, acknowledged.id]);
  });
});
