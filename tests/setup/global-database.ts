// Vitest global setup: one fresh, migrated database per run, handed to test files through `inject`.
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
