import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { API_KEY_SCOPE_COVERS, API_KEY_SCOPES, apiKeyInputSchema } from './api-key';
import { parseFailure } from './testing';

describe('apiKeyInputSchema', () => {
  it('grants every scope when none are given', () => {
    expect(apiKeyInputSchema.parse({ name: ' CI ' })).toEqual({ name: 'CI', scopes: [...API_KEY_SCOPES] });
  });

  it('keeps the scopes asked for', () => {
    expect(apiKeyInputSchema.parse({ name: 'CI', scopes: ['alerts:write'] }).scopes).toEqual(['alerts:write']);
  });

  it.each([
    [{ name: 'CI', scopes: [] }, 'scopes: must have at least one scope'],
    [{ name: 'CI', scopes: ['admin'] }, 'scopes (the 1st scope): must be one of alerts:write, alerts:read, config:write'],
    [{ name: 'CI', scopes: ['alerts:read', 'alerts:read'] }, 'scopes (the 2nd scope): lists "alerts:read" twice'],
    [{ name: 'x'.repeat(101) }, 'name: must be at most 100 characters'],
    [{}, 'name: is required'],
  ])('rejects (%#)', (input, message) => {
    expect(parseFailure(apiKeyInputSchema, input).message).toBe(message);
  });
});

describe('what each scope covers', () => {
  it('is said in the README in the words the dashboard shows', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const scope of API_KEY_SCOPES) expect(readme).toContain(`- \`${scope}\`: ${API_KEY_SCOPE_COVERS[scope]}\n`);
  });

  it('names every kind of configuration that config:write routes guard', () => {
    // Each app/api/v1/<resource> with a handler that needs config:write is named in what config:write covers.
    const root = path.join(__dirname, '..', '..', 'app', 'api', 'v1');
    const guarded = new Set(
      (readdirSync(root, { recursive: true }) as string[])
        .filter((file) => file.endsWith('route.ts') && readFileSync(path.join(root, file), 'utf8').includes("'config:write'"))
        .map((file) => file.split(path.sep)[0]!),
    );
    expect(guarded.size).toBeGreaterThanOrEqual(10);
    for (const resource of guarded) expect(API_KEY_SCOPE_COVERS['config:write'], resource).toContain(resource.replace('-', ' ').replace('api keys', 'API keys'));
  });
});
