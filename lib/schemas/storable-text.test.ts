import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isStorableText, unstorableTextPath } from './storable-text';

describe('storable text', () => {
  it('refuses NUL and unpaired surrogates, keeps everything else (emoji included)', () => {
    expect(isStorableText('déploiement 🚨 ok')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('\ud83d')).toBe(false);
    expect(isStorableText('x\udc00')).toBe(false);
  });

  it('names the first unstorable string or key by its path', () => {
    expect(unstorableTextPath({ a: [1, { b: 'ok' }, { c: 'no\u0000' }] })).toBe('a.2.c');
    expect(unstorableTextPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(unstorableTextPath('\ud800')).toBe('');
    expect(unstorableTextPath({ a: ['fine', 2, null, true] })).toBeNull();
  });

  it('agrees with what PostgreSQL text accepts: UTF-8 round trip without NUL (generated)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text;
        expect(isStorableText(text)).toBe(roundTrips && !text.includes('\u0000'));
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});
