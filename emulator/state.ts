import { AppClient } from './app-client';
import { Credentials, type CredentialsSnapshot } from './credentials';
import { Directory, type WorkspaceSnapshot } from './directory';
import { FaultInjector, type Failure } from './faults';
import { sendEvent, sendSlashCommand, sendUrlVerification, uninstallApp, type SendEventOptions, type SlashCommandOptions } from './events';
import { installApp, type InstallInput } from './install';
import { clickMessageButton, clickViewButton, closeModal, submitModal, type MessageClick, type ModalSubmission, type ViewClick } from './interactions';
import { MessageStore, type MessagesSnapshot } from './messages';
import { RateLimiter } from './rate-limit';
import { SocketModeHub } from './socket-mode';
import type { SeedWorkspace } from './seed';
import type { AppResponse, CallRecord, EphemeralMessage, StoredMessage } from './types';
import { ViewStore, type StoredView } from './views';

/** EmulatorConfig is the resolved configuration the state runs with. */
export interface EmulatorConfig {
  signingSecret: string;
  clientId: string;
  clientSecret: string;
  pacing: boolean;
  tokenRotation: boolean;
  workspaces: SeedWorkspace[];
  appUrl?: string;
  /** The emulator's clock in ms (tests may move it forward to expire codes, triggers and tokens). */
  now: () => number;
  appTimeoutMs: number;
  /** An app-level token (`xapp-…`): Socket Mode on, with this token accepted by apps.connections.open. */
  appToken?: string;
}

/** EmulatorSnapshot is the emulator's lasting state as JSON (emulator/persistence.ts keeps it in a file). */
export interface EmulatorSnapshot {
  version: 1;
  workspaces: WorkspaceSnapshot[];
  credentials: CredentialsSnapshot;
  messages: MessagesSnapshot;
}

/** ResponseUrlPost is one POST the app made to a `response_url`. */
export interface ResponseUrlPost {
  teamId: string;
  channelId: string;
  body: Record<string, unknown>;
  at: string;
}

/**
 * EmulatorState is the emulator's whole in-memory world and the handle tests use: the call log,
 * messages, tokens, and the actions Slack would take towards the app (events, clicks, commands).
 */
export class EmulatorState {
  directory!: Directory;
  credentials!: Credentials;
  store!: MessageStore;
  views!: ViewStore;
  limiter!: RateLimiter;
  readonly app: AppClient;
  /** Socket Mode, when the emulator was given an app-level token; null: the app is reached over HTTP. */
  readonly socketMode: SocketModeHub | null;
  readonly responsePosts: ResponseUrlPost[] = [];
  /** Faults queued by `dropNextResponse`, `failNext` and `delayNext`, and fault windows (`faults.during`). */
  readonly faults: FaultInjector;
  /** The emulator's own base URL (set once it listens), used to build response URLs. */
  baseUrl = '';
  private callLog: CallRecord[] = [];
  private lastCallAt = 0;
  private appUrl?: string;

  constructor(readonly config: EmulatorConfig) {
    this.appUrl = config.appUrl;
    this.faults = new FaultInjector(() => this.now());
    this.socketMode = config.appToken ? new SocketModeHub(config.appToken, () => this.now()) : null;
    this.app = new AppClient({ signingSecret: config.signingSecret, appUrl: () => this.appUrl, timeoutMs: config.appTimeoutMs, socketMode: this.socketMode });
    this.reset();
  }

  /** now is the emulator's clock in ms. */
  now(): number {
    return this.config.now();
  }

  /** reset returns to the seed: no installations, tokens, messages, views, recorded calls or queued faults. */
  reset(): void {
    const seed: SeedWorkspace[] = structuredClone(this.config.workspaces);
    this.directory = new Directory(seed);
    this.credentials = new Credentials(() => this.now());
    this.store = new MessageStore(() => this.now());
    this.views = new ViewStore();
    this.limiter = new RateLimiter(() => this.now());
    this.callLog = [];
    this.responsePosts.length = 0;
    this.faults.clear();
    this.socketMode?.reset();
    for (const ws of seed) for (const m of ws.messages ?? []) this.store.post({ teamId: ws.id, ...m });
  }

  /** snapshot returns what a restart should keep: workspaces and installations, tokens, messages. */
  snapshot(): EmulatorSnapshot {
    return { version: 1, workspaces: this.directory.snapshot(), credentials: this.credentials.snapshot(), messages: this.store.snapshot() };
  }

  /** restore carries on from a snapshot (taken by `snapshot`, possibly by an earlier process). */
  restore(snapshot: EmulatorSnapshot): void {
    this.directory.restore(snapshot.workspaces);
    this.credentials.restore(snapshot.credentials, (teamId) => {
      const installation = this.directory.workspace(teamId)?.installation;
      return installation?.active ? installation.scopes : undefined;
    });
    this.store.restore(snapshot.messages);
  }

  /** setAppUrl points interactivity, events and slash commands at another app base URL. */
  setAppUrl(url: string | undefined): void {
    this.appUrl = url;
  }

  /** getAppUrl returns the app base URL requests are sent to. */
  getAppUrl(): string | undefined {
    return this.appUrl;
  }

  /** record appends a Web API call to the log. */
  record(call: CallRecord): void {
    this.callLog.push(call);
    this.lastCallAt = Date.now();
  }

  /**
   * appSettled resolves once the app has made no Web API call for `quietMs`, and at most after `maxMs` (a
   * trigger_id's lifetime). An app answers a click or an event first and acts after (views.open, chat.update,
   * views.publish): a page rendered right at the answer showed the state before, and a modal only on reload.
   */
  async appSettled(quietMs = 200, maxMs = 3_000): Promise<void> {
    const start = Date.now();
    while (Date.now() - start < maxMs && Date.now() - Math.max(this.lastCallAt, start) < quietMs) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  /** calls lists recorded Web API calls, optionally of one method, oldest first. */
  calls(method?: string): CallRecord[] {
    return this.callLog.filter((c) => method === undefined || c.method === method);
  }

  /** clearCalls empties the call log only. */
  clearCalls(): void {
    this.callLog = [];
  }

  /**
   * dropNextResponse makes the next `count` calls of Web API `method` (e.g. `chat.postMessage`) run
   * normally (the message is stored) but destroys the connection instead of answering, so the caller
   * sees a network error: "Slack received the post but the caller never saw the answer".
   */
  dropNextResponse(method: string, count = 1): void {
    this.faults.drop(method, count);
  }

  /**
   * failNext makes the next `count` calls of `method` fail without being processed: `{ status: 500 }`
   * answers that HTTP status, `{ error: 'internal_error' }` answers HTTP 200 `{ ok: false, error }`,
   * `{ ratelimited: 30 }` answers HTTP 429 with `Retry-After: 30`.
   */
  failNext(method: string, failure: Failure, count = 1): void {
    this.faults.fail(method, failure, count);
  }

  /** delayNext makes the next `count` calls of `method` answer only after `ms` (a slow or hanging Slack). */
  delayNext(method: string, ms: number, count = 1): void {
    this.faults.delay(method, ms, count);
  }

  /** messages lists a channel's messages (with thread replies) in the shape Slack returns them. */
  messages(channelId: string): Array<Record<string, unknown> & { ts: string; text: string }> {
    return this.store.inChannel(channelId).map((m) => this.store.toSlack(m) as Record<string, unknown> & { ts: string; text: string });
  }

  /** storedMessages lists a channel's raw stored messages. */
  storedMessages(channelId: string): StoredMessage[] {
    return this.store.inChannel(channelId);
  }

  /** ephemeralMessages lists ephemeral messages of a channel, optionally for one user. */
  ephemeralMessages(channelId: string, userId?: string): EphemeralMessage[] {
    return this.store.ephemeralIn(channelId, userId);
  }

  /** homeView returns the App Home view published for a user. */
  homeView(teamId: string, userId: string): StoredView | undefined {
    return this.views.home(teamId, userId);
  }

  /** openModal returns the user's top-most open modal. */
  openModal(teamId: string, userId: string): StoredView | undefined {
    return this.views.modal(teamId, userId);
  }

  /** install installs the app without the browser (as if `userId` clicked Allow) and returns the oauth.v2.access body. */
  install(input: Partial<InstallInput> & { teamId: string }): Record<string, unknown> {
    return installApp(this, {
      teamId: input.teamId,
      userId: input.userId ?? this.directory.owner(input.teamId)?.id ?? '',
      botScopes: input.botScopes ?? DEFAULT_BOT_SCOPES,
      userScopes: input.userScopes ?? [],
    });
  }

  /** botToken returns the workspace's newest live bot token. */
  botToken(teamId: string): string | undefined {
    return this.credentials.tokensOf(teamId).filter((t) => t.kind === 'bot').at(-1)?.token;
  }

  /** revokeTokens revokes every token of a workspace (calls then fail with `token_revoked`); no events are sent. */
  revokeTokens(teamId: string): void {
    this.credentials.revokeTeam(teamId);
  }

  /** uninstall revokes the workspace's tokens and sends `app_uninstalled` then `tokens_revoked` to the app. */
  uninstall(teamId: string): Promise<{ appUninstalled: AppResponse; tokensRevoked: AppResponse }> {
    return uninstallApp(this, teamId);
  }

  /** sendEvent delivers `event` in an `event_callback` envelope to the app (signed HTTP to its events URL, or Socket Mode). */
  sendEvent(teamId: string, event: Record<string, unknown>, options: SendEventOptions = {}): Promise<AppResponse & { eventId: string }> {
    return sendEvent(this, teamId, event, options);
  }

  /** sendUrlVerification sends the signed `url_verification` challenge. */
  sendUrlVerification(challenge?: string): Promise<AppResponse & { challenge: string }> {
    return sendUrlVerification(this, challenge);
  }

  /** sendSlashCommand sends a slash command (default `/klaxon`) as `userId` in `channelId`. */
  sendSlashCommand(teamId: string, userId: string, channelId: string, text: string, options: SlashCommandOptions = {}): Promise<AppResponse> {
    return sendSlashCommand(this, { teamId, userId, channelId, text, ...options });
  }

  /** clickButton clicks a button (or picks a select option) on a channel message: a `block_actions`. */
  clickButton(input: MessageClick): Promise<AppResponse> {
    return clickMessageButton(this, input);
  }

  /** clickViewButton clicks a button in the user's App Home (or open modal). */
  clickViewButton(input: ViewClick): Promise<AppResponse> {
    return clickViewButton(this, input);
  }

  /** submitModal submits the user's open modal with input values keyed by action_id: a `view_submission`. */
  submitModal(input: ModalSubmission): Promise<AppResponse> {
    return submitModal(this, input);
  }

  /** closeModal closes the user's modal (sending `view_closed` when the view asked for it). */
  closeModal(teamId: string, userId: string): Promise<AppResponse | undefined> {
    return closeModal(this, teamId, userId);
  }
}

/** DEFAULT_BOT_SCOPES are granted by `state.install()` when no scopes are given. */
export const DEFAULT_BOT_SCOPES = [
  'chat:write',
  'reactions:write',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'channels:join',
  'users:read',
  'users:read.email',
  'team:read',
  'commands',
];
