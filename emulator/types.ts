/**
 * Shared data types of the Slack emulator: the workspace directory, stored messages and views,
 * and the records the emulator keeps about calls and outgoing requests.
 */

/** SlackUser is a member (or the app's bot user) of one emulated workspace. */
export interface SlackUser {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  displayName: string;
  email: string;
  tz: string;
  isAdmin: boolean;
  isOwner: boolean;
  isBot: boolean;
  /** Set on bot users: the `B…` bot id. */
  botId?: string;
}

/** SlackChannel is a public or private channel of one workspace, with its member ids. */
export interface SlackChannel {
  id: string;
  teamId: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  isGeneral: boolean;
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  members: Set<string>;
  /** Whether the app's bot user joins this channel when the app is installed. */
  botJoinsOnInstall: boolean;
  /** Set on a direct message between the bot and this user (opened with conversations.open). */
  imUser?: string;
}

/** Installation is the app's presence in a workspace: its bot user and the scopes granted so far. */
export interface Installation {
  appId: string;
  botUserId: string;
  botId: string;
  /** Bot scopes are additive across reinstalls, as on Slack. */
  scopes: Set<string>;
  installedBy: string;
  installedAt: number;
  active: boolean;
}

/** Workspace is one emulated Slack team. */
export interface Workspace {
  id: string;
  name: string;
  domain: string;
  botUserId: string;
  botId: string;
  users: SlackUser[];
  channels: SlackChannel[];
  installation?: Installation;
  /** User groups (Slack's "subteams", `S…`), made with usergroups.create. */
  userGroups?: UserGroup[];
}

/** UserGroup is a mentionable group of members (`<!subteam^S…>`), whose members an app may replace. */
export interface UserGroup {
  id: string;
  name: string;
  handle: string;
  description: string;
  users: string[];
  createdBy: string;
  dateCreate: number;
  dateUpdate: number;
}

/** StoredMessage is a message in a channel, posted by the bot or seeded as a user's message. */
export interface StoredMessage {
  teamId: string;
  channelId: string;
  ts: string;
  threadTs?: string;
  userId: string;
  botId?: string;
  text: string;
  blocks?: unknown[];
  edited?: { user: string; ts: string };
  /** Message metadata set by chat.postMessage/chat.update (`metadata` argument). */
  metadata?: MessageMetadata;
  /** Reactions added with reactions.add, by emoji name. */
  reactions?: Array<{ name: string; users: string[] }>;
}

/** MessageMetadata is Slack's app-defined structured data attached to a message. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** EphemeralMessage is visible to one user only (chat.postEphemeral or a response_url reply). */
export interface EphemeralMessage {
  teamId: string;
  channelId: string;
  userId: string;
  ts: string;
  text: string;
  blocks?: unknown[];
}

/** CallRecord is one Web API call as the emulator saw it; secrets are stripped from `params`. */
export interface CallRecord {
  method: string;
  teamId?: string;
  params: Record<string, unknown>;
  ok: boolean;
  error?: string;
  status: number;
  at: string;
  /** Set when a test injected a fault: `dropped` (processed, connection destroyed), `late` (processed, answered late) or `failed` (not processed). */
  fault?: 'dropped' | 'late' | 'failed';
}

/** AppResponse is what the app answered to a request the emulator sent it. */
export interface AppResponse {
  status: number;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  durationMs: number;
  /** Set when the app could not be reached (connection refused, timeout). */
  error?: string;
}

/** Params are the arguments of a Web API call, from the query string, a form or a JSON body. */
export type Params = Record<string, unknown>;
