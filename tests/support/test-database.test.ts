import { describe, expect, it } from 'vitest';
import { assertLocalDatabase } from './test-database';

describe('assertLocalDatabase', () => {
  it.each(['postgresql://localhost/x', 'postgresql://u:p@127.0.0.1:5432/x', 'postgresql://[::1]:5432/x'])('accepts %s', (url) => {
    expect(() => assertLocalDatabase(url)).not.toThrow();
  });

  it.each(['postgresql://db.prod.example.com/klaxon', 'postgresql://10.0.0.5:5432/klaxon'])('refuses %s', (url) => {
    expect(() => assertLocalDatabase(url)).toThrow(/non-local/);
  });
});
