// The drop-in intake fixtures (fixtures/integrations, built from each format's published examples), read fresh
// for every use so a test can change its copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** fixture returns a parsed copy of fixtures/integrations/<name>.json. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'integrations', `${name}.json`), 'utf8')) as T;
}
