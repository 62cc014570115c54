import { channelObject, visibleChannel } from './channels';
import { str, bool } from './http';
import type { Params, SlackUser, Workspace } from './types';
import { SlackError, requireScope, type MethodContext, type MethodSpec, type Result } from './method';

/** workspaceMethods answer questions about the workspace: auth.test, team.info, users.info, conversations.*. */
export const workspaceMethods: Record<string, MethodSpec> = {
  'auth.test': {
    auth: 'any',
    handle: ({ ws, token }) => {
      const user = ws.users.find((u) => u.id === token.userId);
      return {
        ok: true,
        url: `https://${ws.domain}.slack.com/`,
        team: ws.name,
        user: user?.name ?? '',
        team_id: ws.id,
        user_id: token.userId,
        ...(token.kind === 'bot' ? { bot_id: ws.botId } : {}),
        is_enterprise_install: false,
      };
    },
  },
  'team.info': {
    auth: 'any',
    scopes: () => ['team:read'],
    handle: ({ ws, state }) => ({
      ok: true,
      team: {
        id: ws.id,
        name: ws.name,
        url: `https://${ws.domain}.slack.com/`,
        domain: ws.domain,
        email_domain: '',
        icon: { image_default: true, image_34: avatar(state.baseUrl, ws.id), image_68: avatar(state.baseUrl, ws.id) },
        avatar_base_url: `${state.baseUrl}/_emulator/avatar/`,
        is_verified: false,
      },
    }),
  },
  'users.info': {
    auth: 'any',
    scopes: () => ['users:read'],
    handle: ({ ws, params, token, state }) => {
      const user = ws.users.find((u) => u.id === str(params, 'user'));
      if (!user) throw new SlackError('user_not_found');
      return { ok: true, user: userObject(user, ws, state.baseUrl, token.scopes.has('users:read.email')) };
    },
  },
  'conversations.list': {
    auth: 'bot',
    scopes: (params) => {
      const types = listTypes(params);
      return [...(types.includes('public_channel') ? ['channels:read'] : []), ...(types.includes('private_channel') ? ['groups:read'] : [])];
    },
    handle: conversationsList,
  },
  'conversations.info': {
    auth: 'bot',
    handle: ({ ws, params, token }) => {
      const channel = visibleChannel(ws, str(params, 'channel'));
      if (!channel) throw new SlackError('channel_not_found');
      requireScope(token, channel.isPrivate ? 'groups:read' : 'channels:read');
      return { ok: true, channel: channelObject(channel, ws) };
    },
  },
  'conversations.open': {
    auth: 'bot',
    scopes: () => ['im:write'],
    handle: ({ ws, params }) => {
      const users = (str(params, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
      if (users.length === 0) throw new SlackError('users_list_not_supplied');
      // Group DMs need mpim:write and are not emulated.
      if (users.length > 1) throw new SlackError('not_implemented');
      const user = ws.users.find((u) => u.id === users[0]);
      if (!user) throw new SlackError('user_not_found');
      if (user.isBot) throw new SlackError('cannot_dm_bot');
      let im = ws.channels.find((c) => c.imUser === user.id);
      const already = Boolean(im);
      im?.members.add(ws.botUserId);
      if (!im) {
        im = {
          id: `D${user.id.slice(1)}`,
          teamId: ws.id,
          name: user.id,
          isPrivate: true,
          isArchived: false,
          isGeneral: false,
          created: Math.floor(Date.now() / 1000),
          creator: ws.botUserId,
          topic: '',
          purpose: '',
          members: new Set([ws.botUserId, user.id]),
          botJoinsOnInstall: false,
          imUser: user.id,
        };
        ws.channels.push(im);
      }
      return { ok: true, ...(already ? { no_op: true, already_open: true } : {}), channel: { id: im.id, ...(bool(params, 'return_im') ? { is_im: true, user: user.id, created: im.created } : {}) } };
    },
  },
  'conversations.join': {
    auth: 'bot',
    scopes: () => ['channels:join'],
    handle: ({ ws, params }) => {
      const channel = visibleChannel(ws, str(params, 'channel'));
      if (!channel) throw new SlackError('channel_not_found');
      if (channel.isPrivate) throw new SlackError('method_not_supported_for_channel_type');
      if (channel.isArchived) throw new SlackError('is_archived');
      const already = channel.members.has(ws.botUserId);
      channel.members.add(ws.botUserId);
      const warning = already ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } } : {};
      return { ok: true, channel: channelObject(channel, ws), ...warning };
    },
  },
};

function listTypes(params: Params): string[] {
  return (str(params, 'types') ?? 'public_channel').split(',').map((t) => t.trim());
}

/** conversationsList pages through the channels the bot can see, with Slack's opaque cursors. */
function conversationsList({ ws, params }: MethodContext): Result {
  const types = listTypes(params);
  const excludeArchived = bool(params, 'exclude_archived');
  const limit = Math.min(Math.max(Number(str(params, 'limit') ?? 100) || 100, 1), 1000);
  const all = ws.channels.filter(
    (c) =>
      !c.imUser &&
      types.includes(c.isPrivate ? 'private_channel' : 'public_channel') &&
      (!c.isPrivate || c.members.has(ws.botUserId)) &&
      !(excludeArchived && c.isArchived),
  );
  const cursor = str(params, 'cursor');
  let start = 0;
  if (cursor) {
    const id = Buffer.from(cursor, 'base64').toString('utf8').replace(/^team:/, '');
    start = all.findIndex((c) => c.id === id);
    if (start < 0) throw new SlackError('invalid_cursor');
  }
  const page = all.slice(start, start + limit);
  const next = all[start + limit];
  return {
    ok: true,
    channels: page.map((c) => channelObject(c, ws)),
    response_metadata: { next_cursor: next ? Buffer.from(`team:${next.id}`).toString('base64') : '' },
  };
}

/** userObject shapes a user like Slack's user objects; the email needs `users:read.email`. */
function userObject(u: SlackUser, ws: Workspace, baseUrl: string, withEmail: boolean): Record<string, unknown> {
  const image = avatar(baseUrl, u.id);
  const [first = '', ...rest] = u.realName.split(' ');
  return {
    id: u.id,
    team_id: ws.id,
    name: u.name,
    deleted: false,
    color: '9f69e7',
    real_name: u.realName,
    tz: u.tz,
    tz_label: tzName(u.tz, 'long'),
    tz_offset: tzOffsetSeconds(u.tz),
    profile: {
      real_name: u.realName,
      real_name_normalized: u.realName,
      display_name: u.displayName,
      display_name_normalized: u.displayName,
      first_name: first,
      last_name: rest.join(' '),
      ...(withEmail && u.email ? { email: u.email } : {}),
      image_24: image,
      image_32: image,
      image_48: image,
      image_72: image,
      image_192: image,
      status_text: '',
      status_emoji: '',
      team: ws.id,
      ...(u.botId ? { bot_id: u.botId, always_active: true } : {}),
    },
    is_admin: u.isAdmin,
    is_owner: u.isOwner,
    is_primary_owner: u.isOwner,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: u.isBot,
    is_app_user: false,
    updated: 1_700_000_000,
    is_email_confirmed: !u.isBot,
  };
}

/** avatar is the emulator-served SVG avatar of a user or team id. */
export function avatar(baseUrl: string, id: string): string {
  return `${baseUrl}/_emulator/avatar/${id}.svg`;
}

function tzName(tz: string, style: 'long' | 'shortOffset'): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style }).formatToParts(new Date());
  return part.find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

function tzOffsetSeconds(tz: string): number {
  const match = /GMT([+-])(\d+)(?::(\d+))?/.exec(tzName(tz, 'shortOffset'));
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60;
  return match[1] === '-' ? -seconds : seconds;
}
