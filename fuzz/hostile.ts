// Values that break naive servers: text PostgreSQL cannot store, numbers JSON cannot hold, shapes a schema does
// not expect, and mutations that turn a valid body into an almost-valid one (where most bugs live).
import fc from 'fast-check';

const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '%00',
  '%ZZ',
  '../../etc/passwd',
  "'; DROP TABLE alerts; --",
  '{{',
  '}}',
  '{{#each fields}}',
  '{{> partial}}',
  '***',
  '*',
  '<script>alert(1)</script>',
  '<!channel>',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  '1970-01-01T00:00:00Z',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'true',
  'null',
  '\u202e\u2066',
  '🔥'.repeat(200),
];

/** hostileText is a string a careless handler mishandles: control characters, lone surrogates, huge ones. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 3000, maxLength: 20_000 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, -0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** hostileJson is any JSON value, leaning to the nasty ones. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], [[]], { '': '' }, { __proto__: { polluted: true } }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 4 }) },
);

type Path = Array<string | number>;

function pathsOf(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...at, index], into));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], into);
  return into;
}

type Mutation = { kind: 'replace' | 'delete' | 'add' | 'wrap'; at: number; value: unknown; key: string };

function applyMutation(seed: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(seed);
  const paths = pathsOf(copy);
  const path = paths[mutation.at % paths.length]!;
  if (path.length === 0) return mutation.kind === 'wrap' ? [copy] : mutation.kind === 'replace' ? mutation.value : copy;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (mutation.kind === 'wrap') parent[last] = [parent[last]];
  else if (typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>)[mutation.key] = mutation.value;
  else parent[last] = mutation.value;
  return copy;
}

/** mutated turns a valid body into one to three small changes of it (a field replaced, dropped, added, wrapped). */
export function mutated(seed: unknown): fc.Arbitrary<unknown> {
  const mutation = fc.record({ kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'delete', 'add', 'wrap'), at: fc.nat(), value: hostileJson, key: hostileText });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutations.reduce(applyMutation, seed));
}
