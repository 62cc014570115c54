// The REST API speaks snake_case JSON while the domain and Prisma use camelCase: schemas parse the
// former and hand the latter to lib/, so the renaming happens once, at the edge.

/** CamelCase turns a snake_case string type into camelCase (`dedup_key` → `dedupKey`). */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** CamelKeys renames the top-level keys of an object type (each member of a union separately). */
export type CamelKeys<T> = T extends unknown
  ? { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] }
  : never;

/** camelizeKeys renames the top-level snake_case keys of an object to camelCase; nested values are kept as they are. */
export function camelizeKeys<T extends object>(value: T): CamelKeys<T> {
  const renamed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) renamed[camelName(key)] = item;
  return renamed as CamelKeys<T>;
}

// Names are a schema's own keys, so a few dozen: remembering them saves a regex replace per key per request
// (measured: camelizeKeys was 15 % of mapping an Alertmanager notification). Capped in case a schema lets
// unknown keys through.
const MAX_REMEMBERED_NAMES = 1_000;
const camelNames = new Map<string, string>();

function camelName(key: string): string {
  let name = camelNames.get(key);
  if (name === undefined) {
    name = key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
    if (camelNames.size < MAX_REMEMBERED_NAMES) camelNames.set(key, name);
  }
  return name;
}
