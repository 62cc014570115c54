// The test server's database, handed to the few specs that fill it with what no API can make (alerts that
// arrived on past days). The server writes its URL to a file named after its port, and removes it on stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_PORT } from './ports';

const FILE = path.join(os.tmpdir(), `klaxon-e2e-${APP_PORT}.database-url`);

/** publishDatabaseUrl records the test server's database URL; the returned function removes it. */
export function publishDatabaseUrl(url: string): () => void {
  fs.writeFileSync(FILE, url, { mode: 0o600 });
  return () => fs.rmSync(FILE, { force: true });
}

/** testDatabaseUrl is the URL of the database the test server runs on. */
export function testDatabaseUrl(): string {
  return fs.readFileSync(FILE, 'utf8');
}
