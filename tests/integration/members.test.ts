// One cache of Slack profiles: the users table, filled by sign-in (syncMember) and by Slack clicks
// (slackUserName), so users.info is asked at most once a day per person whichever path asks first.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import { memberNames, slackUserName, syncMember } from '@/lib/auth/members';
import { db, disconnectDb } from '@/lib/db';
import { installWorkspace } from '../support/install-flow';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let teamId: string;

beforeAll(async () => {
  ({ emulator, workspaces } = await startSandboxSlack());
  teamId = workspaces.acme.id;
  await installWorkspace(teamId, 'U0ACMEOWN1');
});
beforeEach(() => emulator.state.clearCalls());
afterAll(async () => {
  await emulator.close();
  await disconnectDb();
});

const lookups = () => emulator.state.calls('users.info').length;

async function ageMember(slackUserId: string, hours: number): Promise<void> {
  await db().$executeRaw`UPDATE users SET updated_at = now() - make_interval(hours => ${hours}) WHERE workspace_id = ${teamId} AND slack_user_id = ${slackUserId}`;
}

describe('Slack profile cache', () => {
  it('looks a clicker up once, then answers from the users table until the name is a day old', async () => {
    expect(await slackUserName(teamId, 'U0ACMEMEM1', 'alan')).toBe('alan.t');
    expect(await slackUserName(teamId, 'U0ACMEMEM1', 'alan')).toBe('alan.t');
    expect(lookups()).toBe(1);

    await ageMember('U0ACMEMEM1', 25);
    expect(await slackUserName(teamId, 'U0ACMEMEM1', 'alan')).toBe('alan.t');
    expect(lookups()).toBe(2);
  });

  it('shares what sign-in stored: a member who signed in is named without asking Slack again', async () => {
    const member = await syncMember({ teamId, slackUserId: 'U0ACMEMEM2' });
    expect(member).toMatchObject({ displayName: 'kj', role: 'viewer' });
    expect(await slackUserName(teamId, 'U0ACMEMEM2')).toBe('kj');
    expect(lookups()).toBe(1);
  });

  it('gives a Slack admin who clicked the admin role, and keeps the last known name when Slack fails', async () => {
    await slackUserName(teamId, 'U0ACMEADM1');
    expect((await db().user.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId: 'U0ACMEADM1' } } })).role).toBe('admin');

    await ageMember('U0ACMEADM1', 25);
    emulator.state.failNext('users.info', { status: 500 });
    expect(await slackUserName(teamId, 'U0ACMEADM1', 'someone')).toBe('grace');
  });

  it('names the people a page shows: known ones from the table, others from Slack once, unknown ids as they are', async () => {
    await db().user.deleteMany({ where: { workspaceId: teamId, slackUserId: { in: ['U0ACMEMEM1', 'U0ACMEMEM2'] } } });
    await syncMember({ teamId, slackUserId: 'U0ACMEMEM2' });
    emulator.state.clearCalls();

    const names = await memberNames(teamId, ['U0ACMEMEM1', 'U0ACMEMEM2', 'U0ACMEMEM1', 'U0NOBODY00']);
    expect(Object.fromEntries(names)).toEqual({ U0ACMEMEM1: 'alan.t', U0ACMEMEM2: 'kj' });
    // alan looked up once (not twice for the repeat), kj from the table, the unknown id asked and not found.
    expect(emulator.state.calls('users.info').map((call) => call.params.user).sort()).toEqual(['U0ACMEMEM1', 'U0NOBODY00']);

    emulator.state.clearCalls();
    expect((await memberNames(teamId, ['U0ACMEMEM1'])).get('U0ACMEMEM1')).toBe('alan.t');
    expect(lookups()).toBe(0);
  });
});
