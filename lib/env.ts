// The one module that reads process.env: it parses the configuration contract (DESIGN §4) with zod and
// fails fast with one readable line naming the bad variable.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** EnvError names the environment variable that is missing or malformed. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'EnvError';
  }
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const httpUrl = (message: string) =>
  z.string().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, message);

const postgresUrl = z.string().refine((value) => {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be a postgresql:// connection string');

const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole port number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const encryptionKey = z.string().transform((value, ctx) => {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32 || key.toString('base64') !== value.replace(/\s/g, '')) {
    ctx.addIssue({ code: 'custom', message: `must be 32 bytes encoded as base64 (got ${key.length} bytes)` });
    return z.NEVER;
  }
  return key;
});

const rawEnvSchema = z.object({
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  DATABASE_URL: z.preprocess(blankToUndefined, postgresUrl.optional()),
  PORT: z.preprocess(blankToUndefined, port.default(3000)),
  APP_URL: z.preprocess(blankToUndefined, httpUrl('must be an http(s) URL').optional()),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: z.preprocess(blankToUndefined, httpUrl('must be an http(s) URL').default('https://slack.com/api/')),
  SLACK_AUTHORIZE_URL: z.preprocess(
    blankToUndefined,
    httpUrl('must be an http(s) URL').default('https://slack.com/oauth/v2/authorize'),
  ),
  TOKEN_ENCRYPTION_KEY: z.preprocess(blankToUndefined, encryptionKey.optional()),
  TOKEN_ENCRYPTION_PREVIOUS_KEYS: optionalString,
  SESSION_SECRET: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  SLACK_EMULATOR_PORT: z.preprocess(blankToUndefined, port.optional()),
  EMBEDDED_POSTGRES_PORT: z.preprocess(blankToUndefined, port.default(54329)),
  API_KEY_RATE_LIMIT: z.preprocess(blankToUndefined, z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive').default(3000)),
  WORKER_IN_PROCESS: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('true')),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], { message: 'must be one of debug, info, warn, error (or trace, fatal, silent)' }).default('info'),
  ),
  METRICS_TOKEN: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  WORKER_METRICS_PORT: z.preprocess(blankToUndefined, port.optional()),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => {
        try {
          return ['redis:', 'rediss:'].includes(new URL(value).protocol);
        } catch {
          return false;
        }
      }, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(blankToUndefined, z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
});

type RawEnv = z.infer<typeof rawEnvSchema>;

/** SlackConfig is how Klaxon reaches Slack: the real one, or the local emulator in sandbox mode. */
export interface SlackConfig {
  mode: 'real' | 'sandbox';
  clientId: string;
  clientSecret: string;
  signingSecret: string;
  apiUrl: string;
  authorizeUrl: string;
}

/** Env is the validated configuration of the app, the worker and the scripts. */
export interface Env {
  nodeEnv: RawEnv['NODE_ENV'];
  databaseUrl: string | undefined;
  port: number;
  appUrl: string;
  slack: SlackConfig;
  tokenEncryptionKey: Buffer;
  previousTokenEncryptionKeys: Buffer[];
  sessionSecret: string;
  slackEmulatorPort: number;
  embeddedPostgresPort: number;
  workerInProcess: boolean;
  apiKeyRateLimit: number;
  logLevel: RawEnv['LOG_LEVEL'];
  metricsToken: string | undefined;
  workerMetricsPort: number | undefined;
  redisUrl: string | undefined;
  slackAppToken: string | undefined;
}

/** SANDBOX_CLIENT_ID is the OAuth client id the app and the emulator share in sandbox mode. */
export const SANDBOX_CLIENT_ID = 'sandbox.klaxon';

type Source = Record<string, string | undefined>;

/** isSandboxMode tells whether no Slack credentials are configured (so the emulator stands in for Slack). */
export function isSandboxMode(source: Source): boolean {
  return !blankToUndefined(source.SLACK_CLIENT_ID) && !blankToUndefined(source.SLACK_CLIENT_SECRET);
}

function required<T>(value: T | undefined, variable: string, why: string): T {
  if (value === undefined) throw new EnvError(variable, `is required ${why}`);
  return value;
}

// Sandbox credentials are derived from SESSION_SECRET so that the app and its emulator agree without more config.
function derive(secret: string, label: string): string {
  return createHmac('sha256', secret).update(label).digest('hex').slice(0, 32);
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function parsePreviousKeys(value: string | undefined): Buffer[] {
  if (!value) return [];
  return value.split(',').map((part) => {
    const parsed = encryptionKey.safeParse(part.trim());
    if (!parsed.success) throw new EnvError('TOKEN_ENCRYPTION_PREVIOUS_KEYS', 'must list 32-byte base64 keys, comma-separated');
    return parsed.data;
  });
}

/** parseEnv validates an environment (process.env by default) and resolves defaults and sandbox mode. */
export function parseEnv(source: Source): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const raw = parsed.data;
  const sandbox = isSandboxMode(source);
  if (!sandbox) {
    required(raw.SLACK_CLIENT_ID, 'SLACK_CLIENT_ID', 'when SLACK_CLIENT_SECRET is set');
    required(raw.SLACK_CLIENT_SECRET, 'SLACK_CLIENT_SECRET', 'when SLACK_CLIENT_ID is set');
  }
  const why = sandbox ? '(npm start generates one under .data/ in sandbox mode)' : 'when Slack credentials are set';
  const sessionSecret = required(raw.SESSION_SECRET, 'SESSION_SECRET', why);
  const tokenEncryptionKey = required(raw.TOKEN_ENCRYPTION_KEY, 'TOKEN_ENCRYPTION_KEY', why);
  const slack: SlackConfig = sandbox
    ? {
        mode: 'sandbox',
        clientId: SANDBOX_CLIENT_ID,
        clientSecret: derive(sessionSecret, 'sandbox-client-secret'),
        signingSecret: raw.SLACK_SIGNING_SECRET ?? derive(sessionSecret, 'sandbox-signing-secret'),
        apiUrl: withTrailingSlash(raw.SLACK_API_URL),
        authorizeUrl: raw.SLACK_AUTHORIZE_URL,
      }
    : {
        mode: 'real',
        clientId: raw.SLACK_CLIENT_ID!,
        clientSecret: raw.SLACK_CLIENT_SECRET!,
        signingSecret: required(raw.SLACK_SIGNING_SECRET, 'SLACK_SIGNING_SECRET', why),
        apiUrl: withTrailingSlash(raw.SLACK_API_URL),
        authorizeUrl: raw.SLACK_AUTHORIZE_URL,
      };
  return {
    nodeEnv: raw.NODE_ENV,
    databaseUrl: raw.DATABASE_URL,
    port: raw.PORT,
    appUrl: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
    slack,
    tokenEncryptionKey,
    previousTokenEncryptionKeys: parsePreviousKeys(raw.TOKEN_ENCRYPTION_PREVIOUS_KEYS),
    sessionSecret,
    slackEmulatorPort: raw.SLACK_EMULATOR_PORT ?? raw.PORT + 1,
    embeddedPostgresPort: raw.EMBEDDED_POSTGRES_PORT,
    workerInProcess: raw.WORKER_IN_PROCESS === 'true',
    apiKeyRateLimit: raw.API_KEY_RATE_LIMIT,
    logLevel: raw.LOG_LEVEL,
    metricsToken: raw.METRICS_TOKEN,
    workerMetricsPort: raw.WORKER_METRICS_PORT,
    redisUrl: raw.REDIS_URL,
    slackAppToken: raw.SLACK_APP_TOKEN,
  };
}

let cached: Env | undefined;

/** env returns the validated configuration of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** rawEnv returns one variable as set in this process, for the start-up code that fills in defaults. */
export function rawEnv(variable: keyof RawEnv): string | undefined {
  return blankToUndefined(process.env[variable]) as string | undefined;
}

/** sandboxModeRequested tells whether this process runs without Slack credentials. */
export function sandboxModeRequested(): boolean {
  return isSandboxMode(process.env);
}

/**
 * provideEnv sets configuration values computed at start-up (embedded database URL, sandbox secrets,
 * emulator URLs) for this process and the ones it spawns, then re-validates on the next env() call.
 */
export function provideEnv(values: Partial<Record<keyof RawEnv, string>>): void {
  Object.assign(process.env, values);
  cached = undefined;
}

/** childProcessEnv is the environment handed to child processes (next build, workers). */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1', ...extra };
}
