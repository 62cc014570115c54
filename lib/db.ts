// The one Prisma client of a process, over node-postgres (Prisma 7 driver adapter).
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from './env';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

const holder = globalThis as unknown as { klaxonDb?: PrismaClient };

/** db returns the process-wide Prisma client for DATABASE_URL, created on first use. */
export function db(): PrismaClient {
  if (!holder.klaxonDb) {
    const url = env().databaseUrl;
    if (!url) throw new Error('DATABASE_URL is not set: start Klaxon with `npm start`, which provides a database.');
    holder.klaxonDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }
  return holder.klaxonDb;
}

/** disconnectDb closes the process-wide client, if one was opened. */
export async function disconnectDb(): Promise<void> {
  await holder.klaxonDb?.$disconnect();
  holder.klaxonDb = undefined;
}
