// `npm run db:migrate -- --name <x>` creates a migration from the schema change; `npm run db:deploy` applies
// pending ones. Both go through Prisma's WASM schema engine (see lib/runtime/migrations.ts).
import { parseArgs } from 'node:util';
import { env } from '../lib/env';
import { createMigration, deployMigrations } from '../lib/runtime/migrations';
import { runScript } from './run-script';

runScript(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
  const databaseUrl = env().databaseUrl;
  if (!databaseUrl) throw new Error('DATABASE_URL must be set, e.g. DATABASE_URL=postgresql://localhost:5432/klaxon_dev');
  if (positionals[0] === 'migrate') {
    const dir = await createMigration(databaseUrl, values.name ?? 'migration');
    console.log(dir ? `Created ${dir}` : 'The schema has no changes: no migration created.');
  }
  const applied = await deployMigrations(databaseUrl);
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
});
