import { randomBytes } from 'node:crypto';
import { str, bool } from './http';
import { SlackError, type MethodSpec } from './method';
import type { UserGroup, Workspace } from './types';

/**
 * userGroupMethods emulate Slack's user groups as Klaxon uses them (a group per on-call schedule kept equal to
 * who is on call): usergroups.create/list (scopes usergroups:write / usergroups:read), usergroups.users.update
 * and usergroups.users.list. As on Slack, a group cannot be emptied with users.update (`invalid_users`), and
 * bots, deleted ids and members of other workspaces are refused the same way.
 */
export const userGroupMethods: Record<string, MethodSpec> = {
  'usergroups.create': {
    auth: 'any',
    scopes: () => ['usergroups:write'],
    handle: ({ ws, params, token }) => {
      const name = str(params, 'name')?.trim();
      if (!name) throw new SlackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: name'] } });
      const handle = (str(params, 'handle') ?? name).trim().toLowerCase().replace(/\s+/g, '-');
      const groups = (ws.userGroups ??= []);
      if (groups.some((g) => g.name === name)) throw new SlackError('name_already_exists');
      if (groups.some((g) => g.handle === handle) || ws.users.some((u) => u.name === handle) || ws.channels.some((c) => c.name === handle)) {
        throw new SlackError('handle_already_exists');
      }
      const now = Math.floor(Date.now() / 1000);
      const group: UserGroup = { id: `S${randomBytes(5).toString('hex').toUpperCase()}`, name, handle, description: str(params, 'description') ?? '', users: [], createdBy: token.userId, dateCreate: now, dateUpdate: now };
      groups.push(group);
      return { ok: true, usergroup: userGroupObject(ws, group, true) };
    },
  },
  'usergroups.list': {
    auth: 'any',
    scopes: () => ['usergroups:read'],
    handle: ({ ws, params }) => {
      const withUsers = bool(params, 'include_users');
      return { ok: true, usergroups: (ws.userGroups ?? []).map((group) => userGroupObject(ws, group, withUsers, bool(params, 'include_count'))) };
    },
  },
  'usergroups.users.update': {
    auth: 'any',
    scopes: () => ['usergroups:write'],
    handle: ({ ws, params }) => {
      const group = findGroup(ws, str(params, 'usergroup'));
      const raw = str(params, 'users');
      if (raw === undefined) throw new SlackError('no_users_provided');
      const users = [...new Set(raw.split(',').map((u) => u.trim()).filter(Boolean))];
      const valid = (id: string) => ws.users.some((u) => u.id === id && !u.isBot);
      if (users.length === 0 || !users.every(valid)) throw new SlackError('invalid_users');
      group.users = users;
      group.dateUpdate = Math.floor(Date.now() / 1000);
      return { ok: true, usergroup: userGroupObject(ws, group, true, bool(params, 'include_count')) };
    },
  },
  'usergroups.users.list': {
    auth: 'any',
    scopes: () => ['usergroups:read'],
    handle: ({ ws, params }) => ({ ok: true, users: [...findGroup(ws, str(params, 'usergroup')).users] }),
  },
};

function findGroup(ws: Workspace, id: string | undefined): UserGroup {
  if (!id) throw new SlackError('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: usergroup'] } });
  const group = ws.userGroups?.find((g) => g.id === id);
  if (!group) throw new SlackError('no_such_subteam');
  return group;
}

function userGroupObject(ws: Workspace, group: UserGroup, withUsers: boolean, withCount = false): Record<string, unknown> {
  return {
    id: group.id,
    team_id: ws.id,
    is_usergroup: true,
    is_subteam: true,
    name: group.name,
    description: group.description,
    handle: group.handle,
    is_external: false,
    date_create: group.dateCreate,
    date_update: group.dateUpdate,
    date_delete: 0,
    auto_type: null,
    created_by: group.createdBy,
    updated_by: group.createdBy,
    deleted_by: null,
    prefs: { channels: [], groups: [] },
    ...(withUsers ? { users: [...group.users] } : {}),
    ...(withUsers || withCount ? { user_count: group.users.length } : {}),
  };
}
