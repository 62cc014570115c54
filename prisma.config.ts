// Prisma CLI configuration. The CLI is optional here (see scripts/db.ts); the URL is read lazily so that
// `prisma generate` works without a database.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/klaxon' },
});
