// Schema of `POST /api/v1/api-keys` (DESIGN.md §5).
import { type z } from 'zod';
import { arraySchema, enumSchema, nameSchema, strictObject } from './primitives';

/** API_KEY_SCOPES lists what an API key may be allowed to do; a new key gets all of them by default. */
export const API_KEY_SCOPES = ['alerts:write', 'alerts:read', 'config:write'] as const;

/** ApiKeyScope is one of the API_KEY_SCOPES. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** API_KEY_SCOPE_COVERS says what each scope allows, in the words the dashboard and the README both use. */
export const API_KEY_SCOPE_COVERS: Record<ApiKeyScope, string> = {
  'alerts:write': 'send, acknowledge and resolve alerts; retry dead deliveries; send test events of integrations',
  'alerts:read': 'read alerts and the configuration (routes, templates, channels, integrations, silences, schedules, escalation policies, heartbeats, reports); preview templates and reports',
  'config:write': 'change routes and their order, templates, API keys, integrations, silences, maintenance windows, schedules, escalation policies, heartbeats and reports',
};

/** apiKeyInputSchema validates a new API key: a name and a non-empty set of scopes (all scopes when omitted). */
export const apiKeyInputSchema = strictObject({
  name: nameSchema,
  scopes: arraySchema(enumSchema(API_KEY_SCOPES), { min: 1, max: API_KEY_SCOPES.length, noun: 'scope', unique: true })
    .default([...API_KEY_SCOPES]),
});

/** ApiKeyInput is a validated new API key. */
export type ApiKeyInput = z.output<typeof apiKeyInputSchema>;
