// Who is on call, from Slack: `/klaxon oncall [schedule]` and the App Home's On call section, over real,
// signed HTTP from the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { db } from '@/lib/db';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;

const command = async (text: string) => (await emulator.state.sendSlashCommand(workspaces.acme.id, 'U0ACMEMEM2', 'C0ACMEALRT', text)).json as { response_type: string; text: string };

beforeAll(async () => {
  sandbox = await startInstalledSandbox();
  ({ emulator, workspaces, app } = sandbox);
});
afterAll(async () => {
  await sandbox.stop();
});

describe('/klaxon oncall', () => {
  it('says there are no schedules yet', async () => {
    expect((await command('oncall')).text).toMatch(/No on-call schedules yet/);
  });

  it('lists who is on call now and next per schedule, or for the schedules a word names', async () => {
    const workspaceId = workspaces.acme.id;
    // Daily hand-offs at midnight UTC between two people: someone is on call and the other is next.
    await db().schedule.create({ data: { workspaceId, name: 'Payments primary', rotations: [{ kind: 'daily', startDate: '2026-01-01', handoffTime: '00:00', timeZone: 'UTC', participants: ['U0ACMEMEM1', 'U0ACMEMEM2'] }] } });
    await db().schedule.create({ data: { workspaceId, name: 'Search', rotations: [], overrides: [] } });
    const all = await command('oncall');
    expect(all.response_type).toBe('ephemeral');
    expect(all.text).toMatch(/^\*On call\*\n\*Payments primary\*: <@U0ACME(MEM1|MEM2)> until <!date\^\d+\^.*> · next <@U0ACME(MEM1|MEM2)> from /);
    expect(all.text).toContain('*Search*: _nobody_');
    const one = await command('oncall payments');
    expect(one.text).toContain('Payments primary');
    expect(one.text).not.toContain('Search');
    expect((await command('oncall billing')).text).toBe('No schedule matches `billing`.');
    expect((await command('help')).text).toContain('/klaxon oncall [schedule]');
  });

  it('the App Home starts with who is on call', async () => {
    await emulator.state.sendEvent(workspaces.acme.id, { type: 'app_home_opened', user: 'U0ACMEOWN1', tab: 'home' });
    await app.settled();
    const blocks = emulator.state.homeView(workspaces.acme.id, 'U0ACMEOWN1')?.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'On call' } });
    expect(blocks[1]?.text?.text).toContain('*Payments primary*: <@U0ACME');
  });
});
