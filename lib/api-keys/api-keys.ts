// API keys authenticate services that send alerts. A key is shown once; only its SHA-256 hash and a visible
// prefix are stored. Revoked keys stop working at once on this instance, and elsewhere within KEY_CACHE_MS
// (when the background re-read of the key comes back; at most KEY_MAX_STALE_MS if the database does not answer).
import { randomBytes } from 'node:crypto';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { isEqualConstantTime, sha256Hex } from '../crypto/hmac';
import { db } from '../db';
import { AppError } from '../errors';
import { refreshingCache } from '../refreshing-cache';
import type { ApiKeyInput, ApiKeyScope } from '../schemas/api-key';

const KEY_PREFIX = 'klx_live_';
const VISIBLE_CHARS = 4;
const KEY_CACHE_MS = 5_000;
const KEY_MAX_STALE_MS = 30_000;
const LAST_USED_RESOLUTION_MS = 60_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** ApiKeySummary is what may be shown about a key after its creation (never the key itself). */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** AuthenticatedKey is a valid key: the workspace it acts in and what it may do. */
export interface AuthenticatedKey {
  scope: WorkspaceScope;
  keyScopes: ApiKeyScope[];
}

type CachedKey = AuthenticatedKey & { hash: string; lastUsedAt: Date | null };

const cache = refreshingCache<string, CachedKey>('apiKeys', { freshMs: KEY_CACHE_MS, maxStaleMs: KEY_MAX_STALE_MS, maxEntries: 10_000, load: loadKey });

function generateKey(): string {
  const bytes = randomBytes(32);
  return KEY_PREFIX + Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** mintApiKey makes a new key and what is stored of it (its visible prefix and its hash); integrations mint their own. */
export function mintApiKey(): { key: string; prefix: string; hash: string } {
  const key = generateKey();
  return { key, prefix: key.slice(0, KEY_PREFIX.length + VISIBLE_CHARS), hash: sha256Hex(key) };
}

function summarize(row: { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKeySummary {
  return { ...row, scopes: row.scopes as ApiKeyScope[] };
}

/** createApiKey makes a key for the scoped workspace (admins only) and returns it with the secret, once. */
export async function createApiKey(scope: WorkspaceScope, input: ApiKeyInput): Promise<ApiKeySummary & { key: string }> {
  assertAdmin(scope);
  const { key, prefix, hash } = mintApiKey();
  const row = await db().apiKey.create({
    data: {
      workspaceId: scope.workspaceId,
      name: input.name,
      prefix,
      hash,
      scopes: input.scopes,
      createdBy: scope.actor.id,
    },
  });
  return { ...summarize(row), key };
}

/** listApiKeys lists the scoped workspace's keys, newest first. */
export async function listApiKeys(scope: WorkspaceScope): Promise<ApiKeySummary[]> {
  const rows = await db().apiKey.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { createdAt: 'desc' } });
  return rows.map(summarize);
}

/** revokeApiKey revokes one of the scoped workspace's keys (admins only); another workspace's id is not found. */
export async function revokeApiKey(scope: WorkspaceScope, id: string): Promise<ApiKeySummary> {
  assertAdmin(scope);
  const existing = await db().apiKey.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!existing) throw new AppError('not_found', 'No such API key.');
  const row = await db().apiKey.update({ where: { id }, data: { revokedAt: existing.revokedAt ?? new Date() } });
  cache.delete(row.hash);
  return summarize(row);
}

/** forgetApiKey drops this instance's cached copy of a key, so a change to it (an integration's new name) is read at once. */
export function forgetApiKey(hash: string): void {
  cache.delete(hash);
}

async function loadKey(hash: string): Promise<CachedKey | null> {
  const row = await db().apiKey.findUnique({ where: { hash }, include: { workspace: { select: { id: true } } } });
  if (!row || row.revokedAt) return null;
  return {
    hash: row.hash,
    lastUsedAt: row.lastUsedAt,
    keyScopes: row.scopes as ApiKeyScope[],
    scope: { workspaceId: row.workspaceId, role: 'admin', actor: { type: 'api_key', id: row.id, name: row.name } },
  };
}

/** authenticateApiKey resolves a presented key, or throws unauthorized; it records when the key was last used. */
export async function authenticateApiKey(presented: string): Promise<AuthenticatedKey> {
  if (!presented.startsWith(KEY_PREFIX)) throw new AppError('unauthorized', 'Invalid API key.');
  const hash = sha256Hex(presented);
  const key = await cache.get(hash);
  if (!key) throw new AppError('unauthorized', 'Invalid or revoked API key.');
  if (!isEqualConstantTime(key.hash, hash)) throw new AppError('unauthorized', 'Invalid API key.');
  const now = Date.now();
  // last_used_at at one-minute resolution: a write per request would cost more than the request itself.
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    key.lastUsedAt = new Date(now);
    void db()
      .apiKey.update({ where: { hash }, data: { lastUsedAt: key.lastUsedAt } })
      .catch(() => undefined);
  }
  return { scope: key.scope, keyScopes: key.keyScopes };
}
