// The app as Playwright tests see it: `npm start` in sandbox mode on a fresh test database. The database is
// dropped again when Playwright stops the server.
import { provideEnv } from '../../lib/env';
import { runUntilSignal } from '../../scripts/run-until-signal';
import { serveKlaxon } from '../../scripts/serve';
import { createTestDatabase } from '../../tests/support/test-database';
import { publishDatabaseUrl } from './test-database-url';

runUntilSignal(async () => {
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  provideEnv({ DATABASE_URL: database.url });
  const unpublish = publishDatabaseUrl(database.url);
  const stop = await serveKlaxon({ dev: false });
  return async () => {
    unpublish();
    await stop();
    await database.drop();
  };
});
