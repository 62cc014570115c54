import { describe, expect, it } from 'vitest';
import { API_KEY_SCOPES, apiKeyInputSchema } from './api-key';
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
