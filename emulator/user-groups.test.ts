import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from './server';
import { api, installBot, startTestEmulator } from './test-support';

let emu: SlackEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ pacing: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

describe('usergroups.*', () => {
  it('need usergroups:write to create and change, usergroups:read to list, answering missing_scope as Slack does', async () => {
    const token = await installBot(emu, 'chat:write');
    expect((await api(emu, 'usergroups.create', { name: 'Payments on call' }, token)).body).toEqual({ ok: false, error: 'missing_scope', needed: 'usergroups:write', provided: 'chat:write' });
    expect((await api(emu, 'usergroups.users.update', { usergroup: 'S0X', users: 'U0ACMEMEM2' }, token)).body).toMatchObject({ ok: false, error: 'missing_scope', needed: 'usergroups:write' });
    expect((await api(emu, 'usergroups.list', {}, token)).body).toMatchObject({ ok: false, error: 'missing_scope', needed: 'usergroups:read' });
    expect((await api(emu, 'usergroups.users.list', { usergroup: 'S0X' }, token)).body).toMatchObject({ ok: false, error: 'missing_scope', needed: 'usergroups:read' });
  });

  it('create a group, replace its members and list them; refuse an unknown group, no users, unknown users and bots', async () => {
    const token = await installBot(emu, 'chat:write,usergroups:write,usergroups:read');
    const created = await api(emu, 'usergroups.create', { name: 'Billing on call', handle: 'billing-oncall' }, token);
    expect(created.body).toMatchObject({ ok: true, usergroup: { id: expect.stringMatching(/^S[0-9A-F]+$/) as unknown, handle: 'billing-oncall', users: [], user_count: 0 } });
    const id = (created.body.usergroup as { id: string }).id;
    expect((await api(emu, 'usergroups.create', { name: 'Billing on call' }, token)).body.error).toBe('name_already_exists');
    expect((await api(emu, 'usergroups.create', { name: 'Other', handle: 'billing-oncall' }, token)).body.error).toBe('handle_already_exists');

    expect((await api(emu, 'usergroups.users.update', { usergroup: id, users: 'U0ACMEMEM2' }, token)).body).toMatchObject({ ok: true, usergroup: { id, users: ['U0ACMEMEM2'] } });
    expect((await api(emu, 'usergroups.users.update', { usergroup: id, users: 'U0ACMEMEM1,U0ACMEOWN1' }, token)).body).toMatchObject({ ok: true });
    expect((await api(emu, 'usergroups.users.list', { usergroup: id }, token)).body).toEqual({ ok: true, users: ['U0ACMEMEM1', 'U0ACMEOWN1'] });
    expect((await api(emu, 'usergroups.list', { include_users: true }, token)).body.usergroups).toEqual([
      expect.objectContaining({ id: 'S0ACMEONC1', handle: 'payments-oncall', users: [] }), // the sandbox's seeded group
      expect.objectContaining({ id, users: ['U0ACMEMEM1', 'U0ACMEOWN1'] }),
    ]);

    expect((await api(emu, 'usergroups.users.update', { usergroup: 'S0NOSUCH1', users: 'U0ACMEMEM2' }, token)).body.error).toBe('no_such_subteam');
    expect((await api(emu, 'usergroups.users.list', { usergroup: 'S0NOSUCH1' }, token)).body.error).toBe('no_such_subteam');
    expect((await api(emu, 'usergroups.users.update', { usergroup: id }, token)).body.error).toBe('no_users_provided');
    expect((await api(emu, 'usergroups.users.update', { usergroup: id, users: '' }, token)).body.error).toBe('invalid_users');
    expect((await api(emu, 'usergroups.users.update', { usergroup: id, users: 'U0ACMEMEM2,U0NOBODY1' }, token)).body.error).toBe('invalid_users');
    expect((await api(emu, 'usergroups.users.update', { usergroup: id, users: 'U0ACMEBOT1' }, token)).body.error).toBe('invalid_users');
    // A refused update leaves the members as they were.
    expect((await api(emu, 'usergroups.users.list', { usergroup: id }, token)).body.users).toEqual(['U0ACMEMEM1', 'U0ACMEOWN1']);
  });

  it('render a <!subteam^S…> mention as the group handle on the channel page', async () => {
    const token = await installBot(emu, 'chat:write,usergroups:write');
    const id = ((await api(emu, 'usergroups.create', { name: 'DB on call', handle: 'db-oncall' }, token)).body.usergroup as { id: string }).id;
    await api(emu, 'chat.postMessage', { channel: 'C0ACMEALRT', text: `Paging <!subteam^${id}>` }, token);
    const page = await (await fetch(`${emu.url}/t/T0ACME0001/c/C0ACMEALRT`)).text();
    expect(page).toContain('<span class="mention">@db-oncall</span>');
  });
});
