// Per-worker setup: points the app's configuration at this run's database, with fixed test secrets.
import { inject } from 'vitest';
import { provideEnv } from '../../lib/env';

provideEnv({
  DATABASE_URL: inject('databaseUrl'),
  SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SLACK_CLIENT_ID: '',
  SLACK_CLIENT_SECRET: '',
  // Tests that read logs raise the level themselves; the rest keep the output readable.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
