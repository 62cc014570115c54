// Secrets that a local install generates once and keeps under .data/ (git-ignored), so that `npm start`
// needs no configuration: the embedded database's password, and in sandbox mode the session secret and the
// token encryption key.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const localSecretsSchema = z.object({
  postgresPassword: z.string().min(16),
  sessionSecret: z.string().min(32),
  tokenEncryptionKey: z.string().min(40),
});

/** LocalSecrets are generated on first start and reused on every later one. */
export type LocalSecrets = z.infer<typeof localSecretsSchema>;

/** dataDir is where a local install keeps its database and secrets. */
export function dataDir(): string {
  return path.join(process.cwd(), '.data');
}

/** loadLocalSecrets reads .data/secrets.json, creating it (mode 0600) on first use. */
export function loadLocalSecrets(dir = dataDir()): LocalSecrets {
  const file = path.join(dir, 'secrets.json');
  if (fs.existsSync(file)) {
    const parsed = localSecretsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    throw new Error(`${file} is damaged; delete it to generate new local secrets (sandbox tokens will need a reinstall).`);
  }
  const secrets: LocalSecrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
    tokenEncryptionKey: randomBytes(32).toString('base64'),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
