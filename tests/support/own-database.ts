// Gives a test file its own database (see createSiblingDatabase): call useOwnDatabase() first in the file's
// beforeAll, before anything opens a connection, and dropOwnDatabase() last in its afterAll.
import { inject } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { provideEnv } from '@/lib/env';
import { createSiblingDatabase, type TestDatabase } from './test-database';

let own: TestDatabase | null = null;

/** useOwnDatabase points this file's database client at a fresh database of its own. */
export async function useOwnDatabase(): Promise<void> {
  await disconnectDb();
  own = await createSiblingDatabase(inject('databaseUrl'));
  provideEnv({ DATABASE_URL: own.url });
}

/** dropOwnDatabase closes the client and drops the file's database. */
export async function dropOwnDatabase(): Promise<void> {
  await disconnectDb();
  await own?.drop();
  own = null;
}
