// A process that runs the embedded PostgreSQL and, on SIGINT, says whether PostgreSQL still answers before it
// stops it (tests/integration/embedded-postgres.test.ts sends Ctrl-C to its whole process group).
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/runtime/embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const database = await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port), password: 'embedded-child-password', log: () => undefined });
process.on('SIGINT', () => {
  const client = new pg.Client({ connectionString: database.url });
  void client
    .connect()
    .then(() => client.query('SELECT 1'))
    .then(
      () => 'still answering',
      (error: unknown) => `gone: ${String(error)}`,
    )
    .then(async (state) => {
      await client.end().catch(() => undefined);
      process.stdout.write(`${state}\n`);
      await database.stop();
      process.exit(0);
    });
});
process.stdout.write('ready\n');
