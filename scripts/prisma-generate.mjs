// Runs `prisma generate` on any machine. Generating the client needs no schema engine, but Prisma's CLI
// insists on locating one and tries to download it; where that host is unreachable, pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets generate proceed (migrations use scripts/db.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
