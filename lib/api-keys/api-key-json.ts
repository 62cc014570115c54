// The API's snake_case shape of an API key (never the secret).
import type { ApiKeySummary } from './api-keys';

/** apiKeyJson renders a key summary for the REST API. */
export function apiKeyJson(key: ApiKeySummary) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    revoked_at: key.revokedAt,
  };
}
