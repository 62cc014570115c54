// How intake reads an integration on every request: by the API key a drop-in format carries, or by a webhook's URL
// token (its hash), cached per process like API keys so a warm request never waits for the database; and noting
// the last event each integration received, at most one write per few seconds per integration.
import { sha256Hex } from '../crypto/hmac';
import { openToken } from '../crypto/token-cipher';
import { db } from '../db';
import type { Integration } from '../generated/prisma/client';
import { refreshingCache } from '../refreshing-cache';
import type { HmacInput, IntegrationKind, WebhookMapping } from '../schemas/integration';
import type { HmacCheck } from './hmac-check';
import { DEFAULT_SEVERITY_MAP, type SeverityMap } from './severity';

/** WEBHOOK_TOKEN_PREFIX starts every webhook URL token (and lets log masking find them). */
export const WEBHOOK_TOKEN_PREFIX = 'klx_hook_';
const CACHE = { freshMs: 5_000, maxStaleMs: 30_000, maxEntries: 10_000 };
const RECORD_EVERY_MS = 5_000;

/** StoredConfig is what an integration keeps in its `config` column (the API's names; never the secret). */
export interface StoredConfig {
  event_type_label?: string;
  severity_map?: Record<string, string>;
  preset?: string;
  mapping?: WebhookMapping;
  sample?: unknown;
  hmac?: Omit<HmacInput, 'secret'>;
}

/** IntegrationConfig is what intake needs of an integration: how to read its sender's payloads. */
export interface IntegrationConfig {
  id: string;
  workspaceId: string;
  kind: IntegrationKind;
  name: string;
  apiKeyId: string;
  eventTypeLabel?: string;
  /** severityMap is the integration's own words over the default map. */
  severityMap?: SeverityMap;
  mapping?: WebhookMapping;
  hmac?: HmacCheck;
}

/** configOf reads an integration's stored settings. */
export const configOf = (row: Integration): StoredConfig => (row.config ?? {}) as StoredConfig;

/** intakeConfigOf is what intake reads of a stored integration (its HMAC secret opened). */
export function intakeConfigOf(row: Integration): IntegrationConfig {
  const config = configOf(row);
  const severityMap = config.severity_map ? ({ ...DEFAULT_SEVERITY_MAP, ...config.severity_map } as SeverityMap) : undefined;
  const secret = row.secretCiphertext && row.secretKeyId ? openToken({ ciphertext: row.secretCiphertext, keyId: row.secretKeyId }, row.workspaceId) : undefined;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    name: row.name,
    apiKeyId: row.apiKeyId,
    ...(config.event_type_label ? { eventTypeLabel: config.event_type_label } : {}),
    ...(severityMap ? { severityMap } : {}),
    ...(config.mapping ? { mapping: config.mapping } : {}),
    ...(config.hmac && secret ? { hmac: { ...config.hmac, secret } } : {}),
  };
}

// A plain API key has no integration: that answer is cached too (as `none`), or every request would read.
const byKey = refreshingCache<string, { config: IntegrationConfig | null }>('integrationsByKey', {
  ...CACHE,
  load: async (apiKeyId) => {
    const row = await db().integration.findUnique({ where: { apiKeyId } });
    return { config: row ? intakeConfigOf(row) : null };
  },
});

const byToken = refreshingCache<string, IntegrationConfig>('integrationsByToken', {
  ...CACHE,
  load: async (hash) => {
    const row = await db().integration.findUnique({ where: { tokenHash: hash }, include: { apiKey: { select: { revokedAt: true } } } });
    return row && !row.apiKey.revokedAt ? intakeConfigOf(row) : null;
  },
});

/** forgetIntegration drops an integration from this process's caches after a change. */
export function forgetIntegration(row: Pick<Integration, 'apiKeyId' | 'tokenHash'>): void {
  byKey.delete(row.apiKeyId);
  if (row.tokenHash) byToken.delete(row.tokenHash);
}

/** integrationForKey returns the settings of the integration an API key belongs to, or null for a plain key. */
export async function integrationForKey(apiKeyId: string): Promise<IntegrationConfig | null> {
  return (await byKey.get(apiKeyId))?.config ?? null;
}

/** integrationForToken returns the webhook integration a URL token opens, or null. */
export function integrationForToken(token: string): Promise<IntegrationConfig | null> {
  if (!token.startsWith(WEBHOOK_TOKEN_PREFIX)) return Promise.resolve(null);
  return byToken.get(sha256Hex(token));
}

const lastRecorded = new Map<string, { status: number; at: number }>();

/**
 * recordIntegrationEvent notes the last event an integration received and how it was answered, for the
 * dashboard. A sender posting many per second changes nothing worth a write each: the same answer is written at
 * most every RECORD_EVERY_MS per process, a different one at once. The write is not awaited.
 */
export function recordIntegrationEvent(integrationId: string, status: number, result: string): void {
  const now = Date.now();
  const previous = lastRecorded.get(integrationId);
  if (previous && previous.status === status && now - previous.at < RECORD_EVERY_MS) return;
  if (lastRecorded.size > 10_000) lastRecorded.clear();
  lastRecorded.set(integrationId, { status, at: now });
  void db()
    .integration.updateMany({ where: { id: integrationId }, data: { lastEventAt: new Date(now), lastEventStatus: status, lastEventResult: result.slice(0, 500) } })
    .catch(() => undefined);
}
