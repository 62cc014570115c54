// Creates and applies Prisma migrations with Prisma's own WASM schema engine (@prisma/schema-engine-wasm),
// because the Prisma CLI cannot download its native engine on every machine. It keeps the CLI's layout
// (prisma/migrations/<timestamp>_<name>/migration.sql) and its `_prisma_migrations` table, so the regular
// `prisma migrate` commands keep working wherever they can run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { childProcessEnv } from '../env';
import type * as SchemaEngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

const projectRoot = process.cwd();
const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
const filters = { externalTables: [], externalEnums: [] };

type Bindings = typeof SchemaEngineBindings;
let bindingsPromise: Promise<Bindings> | undefined;

// The WASM module can be instantiated once per process; engines are created from it as often as needed.
function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasm = fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bindings;
  })();
  return bindingsPromise;
}

async function loadEngine(databaseUrl: string, log: (line: string) => void): Promise<SchemaEngine> {
  const bindings = await loadBindings();
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  const schema = fs.readFileSync(schemaPath, 'utf8');
  return bindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

function migrationsList(): MigrationList {
  fs.mkdirSync(migrationsDir, { recursive: true });
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const dirs = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, dir, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const engine = await loadEngine(databaseUrl, () => undefined);
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** deployMigrations applies pending migrations from prisma/migrations and returns the names it applied. */
export async function deployMigrations(databaseUrl: string): Promise<string[]> {
  // The engine takes Prisma's advisory lock itself, so concurrent starts migrate one at a time.
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return result.appliedMigrationNames;
  });
}

/**
 * createMigration writes a new migration for the difference between the schema of the latest migration and
 * prisma/schema.prisma, like `prisma migrate dev --create-only`. Each migration directory keeps a snapshot of
 * the schema it was made from (`schema.prisma`, ignored by the Prisma CLI): the WASM engine can neither open
 * a shadow database nor introspect through the pg adapter, so the snapshot is the "before" side of the diff.
 * It returns the new directory, or null when the schema has no changes.
 */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const schema = fs.readFileSync(schemaPath, 'utf8');
  const previous = latestSnapshot();
  const script = await withEngine(databaseUrl, async (engine) => {
    const diff = await engine.diff({
      from: previous ? { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: previous }] } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    });
    return diff.stdout ?? '';
  });
  if (!script.trim() || script.includes('This is an empty migration')) return null;
  const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${timestamp}_${name.replace(/[^a-zA-Z0-9_]+/g, '_')}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), script);
  fs.writeFileSync(path.join(dir, SNAPSHOT), schema);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, LOCKFILE);
  return dir;
}

const SNAPSHOT = 'schema.prisma';
const LOCKFILE = '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n';

function latestSnapshot(): string | null {
  const dirs = migrationsList().migrationDirectories.map((dir) => dir.path);
  const latest = dirs.at(-1);
  if (!latest) return null;
  const snapshot = path.join(migrationsDir, latest, SNAPSHOT);
  if (!fs.existsSync(snapshot)) throw new Error(`${latest} has no ${SNAPSHOT} snapshot: create migrations with npm run db:migrate`);
  return fs.readFileSync(snapshot, 'utf8');
}

/**
 * deployMigrationsApart applies pending migrations from a short-lived child process: WebAssembly memory
 * never shrinks, so loading the schema engine in the long-running app would keep it resident for good.
 */
export async function deployMigrationsApart(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const require = createRequire(import.meta.url);
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(projectRoot, 'scripts', 'db.ts'), 'deploy'], {
    cwd: projectRoot,
    env: childProcessEnv({ DATABASE_URL: databaseUrl }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`Database migrations failed: ${output.trim()}`);
  const applied = output.split('\n').find((line) => line.startsWith('Applied'));
  if (applied) log(applied);
}
