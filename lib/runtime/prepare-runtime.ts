// Prepares what every Klaxon process needs before it serves: local secrets in sandbox mode, a validated
// configuration, a database (the embedded one when DATABASE_URL is unset) with all migrations applied.
import { env, provideEnv, rawEnv, sandboxModeRequested, type Env } from '../env';
import { log } from '../log';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { dataDir, loadLocalSecrets } from './local-secrets';
import { deployMigrationsApart } from './migrations';

/** Runtime is a prepared process: its configuration and how to release what was started for it. */
export interface Runtime {
  config: Env;
  embeddedDatabase: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

/**
 * prepareRuntime validates the environment (throwing EnvError), starts the database if needed and migrates it;
 * its progress lines go to `logLine` (the process's logger by default).
 */
export async function prepareRuntime(logLine: (line: string) => void = (line) => log().info(line)): Promise<Runtime> {
  const sandboxSecretsMissing = sandboxModeRequested() && (!rawEnv('SESSION_SECRET') || !rawEnv('TOKEN_ENCRYPTION_KEY'));
  const secrets = sandboxSecretsMissing || !rawEnv('DATABASE_URL') ? loadLocalSecrets() : null;
  if (secrets && sandboxSecretsMissing) {
    provideEnv({
      SESSION_SECRET: rawEnv('SESSION_SECRET') ?? secrets.sessionSecret,
      TOKEN_ENCRYPTION_KEY: rawEnv('TOKEN_ENCRYPTION_KEY') ?? secrets.tokenEncryptionKey,
    });
  }
  const checked = env();
  let embeddedDatabase: EmbeddedDatabase | null = null;
  if (!checked.databaseUrl && secrets) {
    embeddedDatabase = await startEmbeddedPostgres({
      dataDir: dataDir(),
      port: checked.embeddedPostgresPort,
      password: secrets.postgresPassword,
      log: logLine,
    });
    provideEnv({ DATABASE_URL: embeddedDatabase.url });
  }
  const config = env();
  await deployMigrationsApart(config.databaseUrl!, logLine);
  return {
    config,
    embeddedDatabase,
    stop: async () => {
      await embeddedDatabase?.stop();
    },
  };
}
