import type { SeedWorkspace } from './seed';
import type { Installation, SlackChannel, SlackUser, Workspace } from './types';

/** APP_ID is the emulated app's id, as in `api_app_id` and `app_id`. */
export const APP_ID = 'A0KLAXON01';
/** APP_NAME is the emulated app's display name on consent pages and as the bot's name. */
export const APP_NAME = 'Klaxon';

/** VERIFICATION_TOKEN is the app's legacy verification token, sent as `token` in payloads. */
export const VERIFICATION_TOKEN = 'kLxEmUlAtOrVeRiFy0000001';

const SEED_CREATED = 1_700_000_000;

type Plain<T> = { [K in keyof T]: T[K] extends Set<infer V> ? V[] : T[K] };

/** WorkspaceSnapshot is a workspace as plain JSON (sets as arrays). */
export type WorkspaceSnapshot = Omit<Workspace, 'channels' | 'installation'> & {
  channels: Array<Plain<SlackChannel>>;
  installation?: Plain<Installation>;
};

/** Directory holds the workspaces, their users and channels, and the app's installations. */
export class Directory {
  private readonly byId = new Map<string, Workspace>();

  constructor(seed: SeedWorkspace[]) {
    for (const ws of seed) this.byId.set(ws.id, buildWorkspace(ws));
  }

  /** snapshot returns every workspace as plain JSON: users, channels with their members, the installation. */
  snapshot(): WorkspaceSnapshot[] {
    return this.list().map(({ installation, ...ws }) => ({
      ...ws,
      channels: ws.channels.map((c) => ({ ...c, members: [...c.members] })),
      ...(installation ? { installation: { ...installation, scopes: [...installation.scopes] } } : {}),
    }));
  }

  /** restore replaces the seeded workspaces with a snapshot's (a workspace the seed no longer has is dropped). */
  restore(snapshot: WorkspaceSnapshot[]): void {
    for (const ws of snapshot) {
      if (!this.byId.has(ws.id)) continue;
      this.byId.set(ws.id, {
        ...ws,
        channels: ws.channels.map((c) => ({ ...c, members: new Set(c.members) })),
        installation: ws.installation ? { ...ws.installation, scopes: new Set(ws.installation.scopes) } : undefined,
      });
    }
  }

  /** list returns every workspace in seed order. */
  list(): Workspace[] {
    return [...this.byId.values()];
  }

  /** workspace returns the team with this id, if any. */
  workspace(teamId: string): Workspace | undefined {
    return this.byId.get(teamId);
  }

  /** user finds a user (or the bot user) of one workspace. */
  user(teamId: string, userId: string): SlackUser | undefined {
    return this.byId.get(teamId)?.users.find((u) => u.id === userId);
  }

  /** channel finds a channel of one workspace; another workspace's channel ids are not found. */
  channel(teamId: string, channelId: string): SlackChannel | undefined {
    return this.byId.get(teamId)?.channels.find((c) => c.id === channelId);
  }

  /** owner returns the workspace's primary owner (or its first user). */
  owner(teamId: string): SlackUser | undefined {
    const users = this.byId.get(teamId)?.users.filter((u) => !u.isBot) ?? [];
    return users.find((u) => u.isOwner) ?? users[0];
  }

  /**
   * install records an installation by `userId` with `scopes` added to those granted before, creates the
   * bot user the first time, and has the bot join the channels marked `botJoinsOnInstall`.
   */
  install(teamId: string, userId: string, scopes: string[], now: number): Installation {
    const ws = this.require(teamId);
    if (!ws.users.some((u) => u.id === ws.botUserId)) ws.users.push(botUser(ws));
    const previous = ws.installation;
    // Keep the same Set so that tokens issued earlier see the scopes added by this install.
    const granted = previous?.active ? previous.scopes : new Set<string>();
    for (const scope of scopes) granted.add(scope);
    ws.installation = {
      appId: APP_ID,
      botUserId: ws.botUserId,
      botId: ws.botId,
      scopes: granted,
      installedBy: userId,
      installedAt: previous?.active ? previous.installedAt : Math.floor(now / 1000),
      active: true,
    };
    for (const c of ws.channels) if (c.botJoinsOnInstall && !c.isArchived) c.members.add(ws.botUserId);
    return ws.installation;
  }

  /** uninstall marks the installation inactive and removes the bot from every channel. */
  uninstall(teamId: string): void {
    const ws = this.require(teamId);
    if (ws.installation) ws.installation.active = false;
    for (const c of ws.channels) c.members.delete(ws.botUserId);
  }

  private require(teamId: string): Workspace {
    const ws = this.byId.get(teamId);
    if (!ws) throw new Error(`unknown workspace ${teamId}`);
    return ws;
  }
}

/** buildWorkspace turns a seed into live records. */
function buildWorkspace(seed: SeedWorkspace): Workspace {
  const users: SlackUser[] = seed.users.map((u) => ({
    id: u.id,
    teamId: seed.id,
    name: u.name,
    realName: u.realName,
    displayName: u.displayName ?? u.name,
    email: u.email,
    tz: u.tz ?? 'Etc/UTC',
    isAdmin: u.isAdmin ?? false,
    isOwner: u.isOwner ?? false,
    isBot: false,
  }));
  const everyone = users.map((u) => u.id);
  const channels: SlackChannel[] = seed.channels.map((c, i) => ({
    id: c.id,
    teamId: seed.id,
    name: c.name,
    isPrivate: c.isPrivate ?? false,
    isArchived: c.isArchived ?? false,
    isGeneral: c.isGeneral ?? false,
    created: SEED_CREATED + i * 3600,
    creator: users[0]?.id ?? '',
    topic: '',
    purpose: c.purpose ?? '',
    members: new Set(c.members ?? everyone),
    botJoinsOnInstall: c.botJoinsOnInstall ?? false,
  }));
  const userGroups = (seed.userGroups ?? []).map((g) => ({ ...g, description: '', users: [], createdBy: users[0]?.id ?? '', dateCreate: SEED_CREATED, dateUpdate: SEED_CREATED }));
  return { id: seed.id, name: seed.name, domain: seed.domain, botUserId: seed.botUserId, botId: seed.botId, users, channels, userGroups };
}

/** botUser is the app's bot user record in a workspace. */
function botUser(ws: Workspace): SlackUser {
  return {
    id: ws.botUserId,
    teamId: ws.id,
    name: APP_NAME.toLowerCase(),
    realName: APP_NAME,
    displayName: '',
    email: '',
    tz: 'America/Los_Angeles',
    isAdmin: false,
    isOwner: false,
    isBot: true,
    botId: ws.botId,
  };
}
