// Integrations of a workspace (their management; intake-settings.ts is how intake reads them): each is one source of alerts (an Alertmanager, a Grafana, a PagerDuty or Opsgenie
// client, any JSON webhook) with its own settings. Each acts through its own API key: a drop-in format carries
// that key, and the key finds the integration's settings at intake; a webhook is reached by a secret URL token
// instead (only its SHA-256 hash is kept, like keys) and its key is never shown. An HMAC secret is sealed like
// bot tokens. Keys, tokens and secrets are shown once, at creation or rotation.
import { randomBytes } from 'node:crypto';
import { forgetApiKey, mintApiKey, revokeApiKey } from '../api-keys/api-keys';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { sha256Hex } from '../crypto/hmac';
import { sealToken } from '../crypto/token-cipher';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { Prisma, type Integration } from '../generated/prisma/client';
import type { HmacInput, IntegrationInput, IntegrationKind, IntegrationPatch, WebhookMapping } from '../schemas/integration';
import { configOf, forgetIntegration, intakeConfigOf, WEBHOOK_TOKEN_PREFIX, type IntegrationConfig, type StoredConfig } from './intake-settings';
import { WEBHOOK_PRESET_MAPPINGS } from './presets';


const VISIBLE_CHARS = 4;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** IntegrationSecrets are what a creation or rotation shows once: the API key, or a webhook's URL token. */
export interface IntegrationSecrets {
  key?: string;
  token?: string;
}

function mintToken(): { token: string; prefix: string; hash: string } {
  const token = WEBHOOK_TOKEN_PREFIX + Array.from(randomBytes(32), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return { token, prefix: token.slice(0, WEBHOOK_TOKEN_PREFIX.length + VISIBLE_CHARS), hash: sha256Hex(token) };
}

/** intakePath is where a kind's sender posts (a webhook's path ends with its token). */
export function intakePath(kind: IntegrationKind, token = '{token}'): string {
  switch (kind) {
    case 'alertmanager':
      return '/api/v1/integrations/alertmanager';
    case 'grafana':
      return '/api/v1/integrations/grafana';
    case 'pagerduty':
      return '/api/v1/integrations/pagerduty/v2/enqueue';
    case 'opsgenie':
      return '/api/v1/integrations/opsgenie/v2/alerts';
    case 'webhook':
      return `/api/v1/integrations/webhook/${token}`;
  }
}

/** integrationJson renders an integration in the API's shape (secrets only when just minted). */
export function integrationJson(row: Integration & { apiKey?: { prefix: string } }, secrets: IntegrationSecrets = {}) {
  const config = configOf(row);
  const tokenShown = secrets.token ?? (row.tokenPrefix ? `${row.tokenPrefix}…` : undefined);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: `${env().appUrl}${intakePath(row.kind, tokenShown)}`,
    ...(row.apiKey && row.kind !== 'webhook' ? { key_prefix: row.apiKey.prefix } : {}),
    ...(row.tokenPrefix ? { token_prefix: row.tokenPrefix } : {}),
    ...(config.event_type_label ? { event_type_label: config.event_type_label } : {}),
    ...(config.severity_map ? { severity_map: config.severity_map } : {}),
    ...(config.preset ? { preset: config.preset } : {}),
    ...(config.mapping ? { mapping: config.mapping } : {}),
    ...(config.sample !== undefined ? { sample: config.sample } : {}),
    ...(config.hmac ? { hmac: { ...config.hmac, has_secret: row.secretCiphertext !== null } } : {}),
    last_event: row.lastEventAt ? { at: row.lastEventAt, status: row.lastEventStatus, result: row.lastEventResult } : null,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    ...(secrets.key ? { key: secrets.key } : {}),
    ...(secrets.token ? { token: secrets.token } : {}),
  };
}

/** IntegrationJson is an integration as the API shows it. */
export type IntegrationJson = ReturnType<typeof integrationJson>;

function lowerKeys(map: Record<string, string> | undefined): Record<string, string> | undefined {
  return map && Object.fromEntries(Object.entries(map).map(([word, severity]) => [word.toLowerCase(), severity]));
}

/** storedConfigOf turns validated settings into the stored config: a preset's mapping is copied, so it can be edited. */
function storedConfigOf(settings: { event_type_label?: string | null; severity_map?: Record<string, string> | null; preset?: string; mapping?: WebhookMapping; sample?: unknown; hmac?: HmacInput | null }, previous: StoredConfig = {}): StoredConfig {
  const next: StoredConfig = { ...previous };
  if (settings.event_type_label !== undefined) next.event_type_label = settings.event_type_label ?? undefined;
  if (settings.severity_map !== undefined) next.severity_map = lowerKeys(settings.severity_map ?? undefined);
  if (settings.preset !== undefined) {
    const preset = WEBHOOK_PRESET_MAPPINGS[settings.preset as keyof typeof WEBHOOK_PRESET_MAPPINGS];
    next.preset = settings.preset;
    next.mapping = preset.mapping;
    next.sample ??= preset.sample;
  }
  if (settings.mapping !== undefined) next.mapping = settings.mapping;
  if (settings.sample !== undefined) next.sample = settings.sample;
  if (settings.hmac !== undefined) {
    if (settings.hmac === null) delete next.hmac;
    else {
      const { secret: _secret, ...check } = settings.hmac;
      next.hmac = check;
    }
  }
  return JSON.parse(JSON.stringify(next)) as StoredConfig;
}

function sealedSecret(hmac: HmacInput | null | undefined, workspaceId: string) {
  if (hmac === undefined) return {};
  if (hmac === null) return { secretCiphertext: null, secretKeyId: null };
  const sealed = sealToken(hmac.secret, workspaceId);
  return { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId };
}

function isNameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

const withKey = { apiKey: { select: { prefix: true } } } as const;

/** integrationKeyName is what an integration's own key is called on the API keys page: it follows the integration's name. */
export const integrationKeyName = (name: string) => `Integration: ${name}`;

type Transaction = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

function createIntegrationKey(tx: Transaction, scope: WorkspaceScope, name: string, apiKey: { prefix: string; hash: string }) {
  return tx.apiKey.create({ data: { workspaceId: scope.workspaceId, name: integrationKeyName(name), prefix: apiKey.prefix, hash: apiKey.hash, scopes: ['alerts:write'], createdBy: scope.actor.id } });
}

/** createIntegration adds an integration with its own API key (admins only) and returns it with its key or token, once. */
export async function createIntegration(scope: WorkspaceScope, input: IntegrationInput): Promise<IntegrationJson> {
  assertAdmin(scope);
  const apiKey = mintApiKey();
  const token = input.kind === 'webhook' ? mintToken() : undefined;
  const hmac = 'hmac' in input ? input.hmac : undefined;
  try {
    const row = await db().$transaction(async (tx) => {
      const key = await createIntegrationKey(tx, scope, input.name, apiKey);
      return tx.integration.create({
        data: {
          workspaceId: scope.workspaceId,
          kind: input.kind,
          name: input.name,
          apiKeyId: key.id,
          ...(token ? { tokenHash: token.hash, tokenPrefix: token.prefix } : {}),
          config: storedConfigOf(input as Parameters<typeof storedConfigOf>[0]) as Prisma.InputJsonValue,
          ...sealedSecret(hmac, scope.workspaceId),
        },
        include: withKey,
      });
    });
    return integrationJson(row, token ? { token: token.token } : { key: apiKey.key });
  } catch (error) {
    if (isNameTaken(error)) throw new AppError('conflict', `An integration named "${input.name}" exists already.`);
    throw error;
  }
}

async function findIntegration(scope: WorkspaceScope, id: string) {
  const row = await db().integration.findFirst({ where: { id, workspaceId: scope.workspaceId }, include: withKey });
  if (!row) throw new AppError('not_found', 'No such integration.');
  return row;
}

/** listIntegrations lists the workspace's integrations, newest first. */
export async function listIntegrations(scope: WorkspaceScope): Promise<IntegrationJson[]> {
  const rows = await db().integration.findMany({ where: { workspaceId: scope.workspaceId }, include: withKey, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map((row) => integrationJson(row));
}

/** getIntegration returns one of the workspace's integrations. */
export async function getIntegration(scope: WorkspaceScope, id: string): Promise<IntegrationJson> {
  return integrationJson(await findIntegration(scope, id));
}

/** integrationSettings returns what intake reads of one of the workspace's integrations, and its saved sample body. */
export async function integrationSettings(scope: WorkspaceScope, id: string): Promise<{ config: IntegrationConfig; sample: unknown }> {
  const row = await findIntegration(scope, id);
  return { config: intakeConfigOf(row), sample: configOf(row).sample };
}

const SETTINGS_OF: Record<IntegrationKind, ReadonlyArray<keyof IntegrationPatch>> = {
  alertmanager: ['name', 'severity_map', 'event_type_label'],
  grafana: ['name', 'severity_map', 'event_type_label', 'hmac'],
  pagerduty: ['name'],
  opsgenie: ['name', 'severity_map'],
  webhook: ['name', 'severity_map', 'preset', 'mapping', 'hmac', 'sample'],
};

/** updateIntegration changes some settings (admins only); a setting its kind does not have is refused. */
export async function updateIntegration(scope: WorkspaceScope, id: string, patch: IntegrationPatch): Promise<IntegrationJson> {
  assertAdmin(scope);
  const existing = await findIntegration(scope, id);
  const allowed = SETTINGS_OF[existing.kind];
  const foreign = Object.keys(patch).filter((name) => !allowed.includes(name as keyof IntegrationPatch));
  if (foreign.length) {
    throw new AppError('invalid_request', `${foreign[0]}: not a setting of a ${existing.kind} integration`, foreign.map((field) => ({ field, message: `not a setting of a ${existing.kind} integration` })));
  }
  let renamedKeyHash: string | undefined;
  try {
    const row = await db().$transaction(async (tx) => {
      // A renamed integration renames its key too: the API keys page and the alerts' actor name follow it.
      if (patch.name) renamedKeyHash = (await tx.apiKey.update({ where: { id: existing.apiKeyId }, data: { name: integrationKeyName(patch.name) } })).hash;
      return tx.integration.update({
        where: { id: existing.id },
        data: {
          ...(patch.name ? { name: patch.name } : {}),
          config: storedConfigOf(patch, configOf(existing)) as Prisma.InputJsonValue,
          ...sealedSecret(patch.hmac, scope.workspaceId),
        },
        include: withKey,
      });
    });
    if (renamedKeyHash) forgetApiKey(renamedKeyHash);
    forgetIntegration(row);
    return integrationJson(row);
  } catch (error) {
    if (isNameTaken(error)) throw new AppError('conflict', `An integration named "${patch.name}" exists already.`);
    throw error;
  }
}

/** rotateIntegrationSecret replaces a webhook's URL token, or another kind's API key (the old one stops at once). */
export async function rotateIntegrationSecret(scope: WorkspaceScope, id: string): Promise<IntegrationJson> {
  assertAdmin(scope);
  const existing = await findIntegration(scope, id);
  if (existing.kind === 'webhook') {
    const token = mintToken();
    const row = await db().integration.update({ where: { id: existing.id }, data: { tokenHash: token.hash, tokenPrefix: token.prefix }, include: withKey });
    forgetIntegration(existing);
    return integrationJson(row, { token: token.token });
  }
  const apiKey = mintApiKey();
  const row = await db().$transaction(async (tx) => {
    const key = await createIntegrationKey(tx, scope, existing.name, apiKey);
    return tx.integration.update({ where: { id: existing.id }, data: { apiKeyId: key.id }, include: withKey });
  });
  await revokeApiKey(scope, existing.apiKeyId);
  forgetIntegration(existing);
  return integrationJson(row, { key: apiKey.key });
}

/** deleteIntegration removes an integration and revokes its key (admins only). */
export async function deleteIntegration(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  const existing = await findIntegration(scope, id);
  await revokeApiKey(scope, existing.apiKeyId);
  await db().integration.delete({ where: { id: existing.id } });
  forgetIntegration(existing);
}
