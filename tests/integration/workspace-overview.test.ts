// The overview's "Members signed in" counts people who signed in to the dashboard, not everyone Klaxon has
// met (a click on a button in Slack creates a member record too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { syncMember } from '@/lib/auth/members';
import { disconnectDb } from '@/lib/db';
import { workspaceOverview } from '@/lib/workspaces/workspace-overview';
import { keyScope } from '../support/alert-fixtures';
import { installWorkspace, signInMember } from '../support/install-flow';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
});
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

describe('workspaceOverview', () => {
  it('counts members who signed in, not those who only clicked in Slack', async () => {
    const { scope } = await keyScope(workspaces.acme.id);
    expect((await workspaceOverview(scope)).members).toBe(1); // the installer
    await syncMember({ teamId: workspaces.acme.id, slackUserId: 'U0ACMEMEM2' }); // as a button click in Slack does
    expect((await workspaceOverview(scope)).members).toBe(1);
    await signInMember(workspaces.acme.id, 'U0ACMEMEM1');
    expect((await workspaceOverview(scope)).members).toBe(2);
  });
});
