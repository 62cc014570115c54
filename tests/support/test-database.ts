// Fresh PostgreSQL databases for test runs: on the local server named by TEST_DATABASE_URL / DATABASE_URL
// when set (refusing anything but a local host), else on an embedded PostgreSQL in a temporary directory.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/runtime/embedded-postgres';
import { deployMigrations } from '../../lib/runtime/migrations';

/** TestDatabase is a migrated, empty database that belongs to one test run. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '']);
const PREFIX = 'klaxon_test_';
const STALE_AFTER_SECONDS = 3600;

/** assertLocalDatabase throws unless url points at this machine: tests drop and create databases. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against the non-local database host "${host}". Use a local PostgreSQL.`);
  }
}

function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}

// Test runs that were killed leave their databases behind; drop those older than an hour.
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
  const cutoff = Math.floor(Date.now() / 1000) - STALE_AFTER_SECONDS;
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(PREFIX.length).split('_')[0]);
    if (createdAt < cutoff) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

async function createOn(serverUrl: string): Promise<TestDatabase> {
  assertLocalDatabase(serverUrl);
  const name = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await dropStaleDatabases(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  await deployMigrations(url);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** freePort finds a TCP port on 127.0.0.1 that nothing listens on (for now). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function createOnEmbedded(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klaxon-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), password: randomBytes(12).toString('hex'), log: () => undefined });
  const database = await createOn(server.url);
  return {
    url: database.url,
    // The whole cluster goes: no need to drop the database first (its server may be stopping already).
    drop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** createTestDatabase makes a fresh, migrated database for this test run. */
export function createTestDatabase(serverUrl: string | undefined): Promise<TestDatabase> {
  return serverUrl ? createOn(serverUrl) : createOnEmbedded();
}

/**
 * createSiblingDatabase makes a fresh, migrated database on the server of `runDatabaseUrl`. Test files that
 * run outbox workers use their own: a worker claims work of every workspace in its database, and another
 * file's worker cannot reach this file's Slack emulator.
 */
export function createSiblingDatabase(runDatabaseUrl: string): Promise<TestDatabase> {
  return createOn(runDatabaseUrl);
}
