// The overview's first-steps checklist ticks each step from what the workspace has done, however it was done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatus } from '@/lib/alerts/lifecycle';
import { disconnectDb } from '@/lib/db';
import { firstSteps, isDone } from '@/lib/workspaces/first-steps';
import { addRoute, keyScope } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

describe('firstSteps', () => {
  it('ticks the key, the first alert, the route and an acknowledgement in Slack as they happen', async () => {
    const { scope } = await keyScope(workspaces.globex.id);
    expect(await firstSteps(scope)).toEqual({ apiKey: true, alert: false, route: false, acknowledgedInSlack: false });
    const alert = await ingestAlert(scope, { action: 'trigger', eventType: 'first.step', severity: 'info', title: 'first', fields: {}, links: [] });
    await addRoute(workspaces.globex.id, { eventTypes: ['first.*'], severities: ['info'], channelIds: ['C0GLBXALRT'] });
    expect(await firstSteps(scope)).toEqual({ apiKey: true, alert: true, route: true, acknowledgedInSlack: false });
    // An acknowledgement from the dashboard does not count: the step is about the buttons in Slack.
    await changeAlertStatus({ workspaceId: scope.workspaceId, alertId: alert.id, action: 'acknowledge', actor: { type: 'slack_user', id: 'U0GLBXMEM1', name: 'member' }, via: 'slack' });
    const steps = await firstSteps(scope);
    expect(steps.acknowledgedInSlack).toBe(true);
    expect(isDone(steps)).toBe(true);
  });
});
