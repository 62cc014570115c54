import { randomBytes, randomInt } from 'node:crypto';

/** TOKEN_LIFETIME_SECONDS is how long a rotating access token lives (12 h, as on Slack). */
export const TOKEN_LIFETIME_SECONDS = 43_200;
const CODE_LIFETIME_MS = 10 * 60_000;
const TRIGGER_LIFETIME_MS = 3_000;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;

/** TokenRecord is an issued access token: a workspace's bot token or a user's token. */
export interface TokenRecord {
  token: string;
  kind: 'bot' | 'user';
  teamId: string;
  userId: string;
  /** Bot tokens share their installation's scope set, so a reinstall's new scopes apply to them. */
  scopes: Set<string>;
  expiresAt?: number;
  revoked: boolean;
}

/** AuthCode is a single-use authorization code from an OAuth or OpenID consent page. */
export interface AuthCode {
  flow: 'oauth' | 'openid';
  clientId: string;
  redirectUri?: string;
  teamId: string;
  userId: string;
  botScopes: string[];
  userScopes: string[];
  nonce?: string;
  expiresAt: number;
  used: boolean;
}

/** RefreshRecord is a single-use refresh token (token rotation). */
export interface RefreshRecord {
  kind: 'bot' | 'user';
  teamId: string;
  userId: string;
  scopes: Set<string>;
  used: boolean;
}

/** ResponseUrlRecord is a `response_url` handed to the app with an interaction or a slash command. */
export interface ResponseUrlRecord {
  id: string;
  teamId: string;
  channelId: string;
  userId: string;
  messageTs?: string;
  uses: number;
  expiresAt: number;
}

/** IssuedToken is a new access token with its refresh token when rotation is on. */
export interface IssuedToken {
  record: TokenRecord;
  refreshToken?: string;
  expiresIn?: number;
}

/** CredentialsSnapshot is what outlives a restart: the tokens and refresh tokens (codes, triggers and response URLs expire within minutes). */
export interface CredentialsSnapshot {
  tokens: Array<Omit<TokenRecord, 'scopes'> & { scopes: string[] }>;
  refreshTokens: Array<[string, Omit<RefreshRecord, 'scopes'> & { scopes: string[] }]>;
}

/** Credentials issues and checks tokens, authorization codes, trigger ids and response URLs. */
export class Credentials {
  private tokens = new Map<string, TokenRecord>();
  private codes = new Map<string, AuthCode>();
  private refreshTokens = new Map<string, RefreshRecord>();
  private triggers = new Map<string, { teamId: string; userId: string; expiresAt: number; used: boolean }>();
  private responseUrls = new Map<string, ResponseUrlRecord>();

  constructor(private readonly now: () => number) {}

  /** issueToken creates an access token; with `rotate` it expires and comes with a refresh token. */
  issueToken(input: Omit<TokenRecord, 'token' | 'revoked' | 'expiresAt'> & { rotate: boolean }): IssuedToken {
    const prefix = input.kind === 'bot' ? 'xoxb' : 'xoxp';
    const body = `${prefix}-${randomDigits(12)}-${randomDigits(13)}-${randomToken(24)}`;
    const record: TokenRecord = {
      token: input.rotate ? `xoxe.${body}` : body,
      kind: input.kind,
      teamId: input.teamId,
      userId: input.userId,
      scopes: input.scopes,
      revoked: false,
      expiresAt: input.rotate ? this.now() + TOKEN_LIFETIME_SECONDS * 1000 : undefined,
    };
    this.tokens.set(record.token, record);
    if (!input.rotate) return { record };
    const refreshToken = `xoxe-1-${randomToken(64)}`;
    this.refreshTokens.set(refreshToken, { kind: input.kind, teamId: input.teamId, userId: input.userId, scopes: input.scopes, used: false });
    return { record, refreshToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** check resolves a token, or names Slack's error for it. */
  check(token: string): TokenRecord | 'invalid_auth' | 'token_revoked' | 'token_expired' {
    const record = this.tokens.get(token);
    if (!record) return 'invalid_auth';
    if (record.revoked) return 'token_revoked';
    if (record.expiresAt !== undefined && this.now() >= record.expiresAt) return 'token_expired';
    return record;
  }

  /** revokeTeam revokes every token (bot, user, refresh) of a workspace and returns the revoked ones. */
  revokeTeam(teamId: string): TokenRecord[] {
    const revoked = [...this.tokens.values()].filter((t) => t.teamId === teamId && !t.revoked);
    for (const t of revoked) t.revoked = true;
    for (const r of this.refreshTokens.values()) if (r.teamId === teamId) r.used = true;
    return revoked;
  }

  /** issueCode stores a consent's outcome and returns the code the app exchanges (valid 10 min, once). */
  issueCode(input: Omit<AuthCode, 'expiresAt' | 'used'>): string {
    const code = `${randomDigits(13)}.${randomDigits(13)}.${randomToken(32)}`;
    this.codes.set(code, { ...input, expiresAt: this.now() + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** consumeCode returns the code's record and marks it used; unknown, used or expired codes are undefined. */
  consumeCode(code: string, flow: AuthCode['flow']): AuthCode | undefined {
    const record = this.codes.get(code);
    if (!record || record.flow !== flow || record.used || this.now() >= record.expiresAt) return undefined;
    record.used = true;
    return record;
  }

  /** consumeRefresh redeems a refresh token once. */
  consumeRefresh(token: string): RefreshRecord | undefined {
    const record = this.refreshTokens.get(token);
    if (!record || record.used) return undefined;
    record.used = true;
    return record;
  }

  /** issueTrigger registers a trigger id for views.open (valid 3 s, once). */
  issueTrigger(teamId: string, userId: string): string {
    const id = `${Math.floor(this.now() / 1000)}${randomDigits(3)}.${randomDigits(13)}.${randomToken(32, 'hex')}`;
    this.triggers.set(id, { teamId, userId, expiresAt: this.now() + TRIGGER_LIFETIME_MS, used: false });
    return id;
  }

  /** consumeTrigger redeems a trigger id for `teamId`, or names Slack's error; the user it was issued to is returned. */
  consumeTrigger(id: string, teamId: string): { userId: string } | 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id' {
    const record = this.triggers.get(id);
    if (!record || record.teamId !== teamId) return 'invalid_trigger_id';
    if (record.used) return 'exchanged_trigger_id';
    if (this.now() >= record.expiresAt) return 'expired_trigger_id';
    record.used = true;
    return { userId: record.userId };
  }

  /** issueResponseUrl creates a response URL id (5 uses within 30 min). */
  issueResponseUrl(input: Omit<ResponseUrlRecord, 'id' | 'uses' | 'expiresAt'>): string {
    const id = `${input.teamId}/${randomDigits(13)}/${randomToken(24)}`;
    this.responseUrls.set(id, { ...input, id, uses: 0, expiresAt: this.now() + RESPONSE_URL_LIFETIME_MS });
    return id;
  }

  /** useResponseUrl counts one use of a response URL; undefined when unknown, used up or expired. */
  useResponseUrl(id: string): ResponseUrlRecord | undefined {
    const record = this.responseUrls.get(id);
    if (!record || record.uses >= RESPONSE_URL_USES || this.now() >= record.expiresAt) return undefined;
    record.uses += 1;
    return record;
  }

  /** snapshot returns the tokens as plain JSON. */
  snapshot(): CredentialsSnapshot {
    return {
      tokens: [...this.tokens.values()].map((t) => ({ ...t, scopes: [...t.scopes] })),
      refreshTokens: [...this.refreshTokens].map(([token, r]) => [token, { ...r, scopes: [...r.scopes] }]),
    };
  }

  /**
   * restore brings back a snapshot's tokens. `sharedScopes` returns the installation's scope set for a bot
   * token, so that restored bot tokens again see the scopes a later reinstall adds.
   */
  restore(snapshot: CredentialsSnapshot, sharedScopes: (teamId: string) => Set<string> | undefined): void {
    const scopesOf = (kind: TokenRecord['kind'], teamId: string, scopes: string[]) => {
      const shared = kind === 'bot' ? sharedScopes(teamId) : undefined;
      if (shared) for (const scope of scopes) shared.add(scope);
      return shared ?? new Set(scopes);
    };
    this.tokens = new Map(snapshot.tokens.map((t) => [t.token, { ...t, scopes: scopesOf(t.kind, t.teamId, t.scopes) }]));
    this.refreshTokens = new Map(snapshot.refreshTokens.map(([token, r]) => [token, { ...r, scopes: scopesOf(r.kind, r.teamId, r.scopes) }]));
  }

  /** tokensOf lists a workspace's live tokens (tests use it to find the current bot token). */
  tokensOf(teamId: string): TokenRecord[] {
    return [...this.tokens.values()].filter((t) => t.teamId === teamId && !t.revoked);
  }
}

/** randomDigits returns `n` random decimal digits. */
function randomDigits(n: number): string {
  return Array.from({ length: n }, () => randomInt(10)).join('');
}

/** randomToken returns `n` random alphanumeric (or hex) characters. */
function randomToken(n: number, alphabet: 'alnum' | 'hex' = 'alnum'): string {
  const chars = alphabet === 'hex' ? '0123456789abcdef' : 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}
