/**
 * Seed data: the two sandbox workspaces the emulator starts with unless told otherwise.
 */

/** SeedUser describes a human member of a seed workspace. */
export interface SeedUser {
  id: string;
  name: string;
  realName: string;
  displayName?: string;
  email: string;
  tz?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

/** SeedChannel describes a channel; its members default to every user of the workspace. */
export interface SeedChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  isGeneral?: boolean;
  topic?: string;
  purpose?: string;
  members?: string[];
  /** The app's bot user joins the channel on install. */
  botJoinsOnInstall?: boolean;
}

/** SeedWorkspace describes one workspace; the bot ids are used when the app is first installed. */
export interface SeedWorkspace {
  id: string;
  name: string;
  domain: string;
  botUserId: string;
  botId: string;
  users: SeedUser[];
  channels: SeedChannel[];
  /** Messages already in channels (posted by users, so the bot cannot update them). */
  messages?: { channelId: string; userId: string; text: string }[];
  /** User groups (empty at first), such as one for an on-call schedule to keep equal to who is on call. */
  userGroups?: { id: string; name: string; handle: string }[];
}

/** defaultWorkspaces returns fresh copies of the seed: Acme Sandbox (27 channels) and Globex Sandbox. */
export function defaultWorkspaces(): SeedWorkspace[] {
  return [
    {
      id: 'T0ACME0001',
      name: 'Acme Sandbox',
      domain: 'acme-sandbox',
      botUserId: 'U0ACMEBOT1',
      botId: 'B0ACMEBOT1',
      users: [
        { id: 'U0ACMEOWN1', name: 'ada', realName: 'Ada Lovelace', displayName: 'ada', email: 'ada@acme.test', tz: 'Europe/London', isOwner: true, isAdmin: true },
        { id: 'U0ACMEADM1', name: 'grace', realName: 'Grace Hopper', displayName: 'grace', email: 'grace@acme.test', tz: 'America/New_York', isAdmin: true },
        { id: 'U0ACMEMEM1', name: 'alan', realName: 'Alan Turing', displayName: 'alan.t', email: 'alan@acme.test', tz: 'Europe/London' },
        { id: 'U0ACMEMEM2', name: 'katherine', realName: 'Katherine Johnson', displayName: 'kj', email: 'katherine@acme.test', tz: 'America/Los_Angeles' },
      ],
      channels: [
        ...commonChannels('ACME', 'old-alerts', 'U0ACMEOWN1'),
        ...Array.from({ length: 20 }, (_, i) => {
          const n = String(i + 1).padStart(2, '0');
          return { id: `C0ACMET0${n}`, name: `team-${n}`, purpose: `Team ${n} chatter` };
        }),
      ],
      messages: [{ channelId: 'C0ACMEGENL', userId: 'U0ACMEOWN1', text: 'Welcome to *Acme Sandbox*! :wave:' }],
      userGroups: [{ id: 'S0ACMEONC1', name: 'Payments on call', handle: 'payments-oncall' }],
    },
    {
      id: 'T0GLOBEX01',
      name: 'Globex Sandbox',
      domain: 'globex-sandbox',
      botUserId: 'U0GLBXBOT1',
      botId: 'B0GLBXBOT1',
      users: [
        { id: 'U0GLBXOWN1', name: 'hank', realName: 'Hank Scorpio', displayName: 'hank', email: 'hank@globex.test', tz: 'America/Chicago', isOwner: true, isAdmin: true },
        { id: 'U0GLBXADM1', name: 'mindy', realName: 'Mindy Simmons', displayName: 'mindy', email: 'mindy@globex.test', tz: 'America/Denver', isAdmin: true },
        { id: 'U0GLBXMEM1', name: 'frank', realName: 'Frank Grimes', displayName: 'grimey', email: 'frank@globex.test', tz: 'America/Chicago' },
      ],
      channels: commonChannels('GLBX', 'legacy', 'U0GLBXOWN1'),
      messages: [{ channelId: 'C0GLBXGENL', userId: 'U0GLBXOWN1', text: 'Welcome to Globex Sandbox.' }],
    },
  ];
}

/** commonChannels builds the channels both sandboxes share; `code` is the 4-letter id infix. */
function commonChannels(code: string, archivedName: string, ownerId: string): SeedChannel[] {
  return [
    { id: `C0${code}GENL`, name: 'general', isGeneral: true, purpose: 'Company-wide announcements' },
    { id: `C0${code}ALRT`, name: 'alerts', purpose: 'Alerts from Klaxon', botJoinsOnInstall: true },
    { id: `C0${code}OPS1`, name: 'ops', purpose: 'Operations' },
    { id: `C0${code}DPLY`, name: 'deploys', purpose: 'Deploy notifications' },
    { id: `C0${code}INCD`, name: 'incidents', isPrivate: true, purpose: 'Incident response', botJoinsOnInstall: true },
    { id: `C0${code}SCRT`, name: 'secret', isPrivate: true, purpose: 'Owners only', members: [ownerId] },
    { id: `C0${code}ARCH`, name: archivedName, isArchived: true, purpose: 'Archived' },
  ];
}
