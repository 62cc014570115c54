// The README promises Node.js ≥ 20.19. npm warns (EBADENGINE) when an installed package asks for more; each
// such package must be one the README explains as harmless, so a new one cannot slip in unnoticed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = [20, 19, 0];

// The comparators npm packages write in `engines.node`: `>=a.b.c`, `>a`, `<a`, `^a.b.c`, `a.x`, joined by
// spaces (and) and `||` (or). Enough for the lock file; an unknown form counts as satisfied.
function compare(version: number[], other: number[]): number {
  for (let i = 0; i < 3; i += 1) if ((version[i] ?? 0) !== (other[i] ?? 0)) return (version[i] ?? 0) - (other[i] ?? 0);
  return 0;
}

function allows(range: string, version: number[]): boolean {
  return range.replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1').split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const match = /^(>=|<=|>|<|\^|~|=)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(comparator);
        if (!match) return true;
        const wanted = [match[2], match[3], match[4]].map((part) => (part === undefined || part === 'x' || part === '*' ? 0 : Number(part)));
        const order = compare(version, wanted);
        switch (match[1]) {
          case '>=':
            return order >= 0;
          case '>':
            return order > 0;
          case '<=':
            return order <= 0;
          case '<':
            return order < 0;
          case '^':
            return version[0] === wanted[0] && order >= 0;
          default:
            return version[0] === wanted[0] && (match[3] === undefined || match[3] === 'x' || version[1] === wanted[1]);
        }
      }),
  );
}

describe('Node.js engines of the installed packages', () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: unknown } }> };
  const wantMore = Object.entries(lock.packages)
    .filter(([, entry]) => typeof entry.engines?.node === 'string' && !allows(entry.engines.node, NODE))
    .map(([location]) => location.replace(/^.*node_modules\//, ''));

  it('reads ranges as npm does', () => {
    expect(allows('>=22.0.0', NODE)).toBe(false);
    expect(allows('^20.19.0 || ^22.13.0 || >=24', NODE)).toBe(true);
    expect(allows('^20.20.0 || >=22', NODE)).toBe(false);
    expect(allows('>=18', NODE)).toBe(true);
    expect(allows('>= 18', NODE)).toBe(true);
  });

  it('are all met by Node 20.19, but those the README explains', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(wantMore).toEqual(['@prisma/streams-local']);
    for (const name of wantMore) expect(readme).toContain(`\`${name}\``);
  });
});
