import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, SANDBOX_CLIENT_ID } from './env';

const key = Buffer.alloc(32, 1).toString('base64');
const secrets = { SESSION_SECRET: 'x'.repeat(40), TOKEN_ENCRYPTION_KEY: key };
const real = { ...secrets, SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'shh', SLACK_SIGNING_SECRET: 'sign' };

function errorOf(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected parseEnv to fail');
}

describe('parseEnv', () => {
  it('applies the documented defaults in sandbox mode', () => {
    const config = parseEnv(secrets);
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.slack.mode).toBe('sandbox');
    expect(config.slack.clientId).toBe(SANDBOX_CLIENT_ID);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.slack.authorizeUrl).toBe('https://slack.com/oauth/v2/authorize');
    expect(config.tokenEncryptionKey).toHaveLength(32);
    expect(config.slackEmulatorPort).toBe(3001);
    expect(config).toMatchObject({ logLevel: 'info', metricsToken: undefined, workerMetricsPort: undefined, redisUrl: undefined, slackAppToken: undefined });
  });

  it('derives APP_URL from PORT and keeps an explicit one without its trailing slash', () => {
    expect(parseEnv({ ...secrets, PORT: '8080' }).appUrl).toBe('http://localhost:8080');
    expect(parseEnv({ ...secrets, APP_URL: 'https://klaxon.example.com/' }).appUrl).toBe('https://klaxon.example.com');
  });

  it('uses real Slack when credentials are set, and adds the trailing slash to SLACK_API_URL', () => {
    const config = parseEnv({ ...real, SLACK_API_URL: 'https://slack.example/api' });
    expect(config.slack).toMatchObject({ mode: 'real', clientId: '123.456', signingSecret: 'sign', apiUrl: 'https://slack.example/api/' });
  });

  it('derives stable sandbox credentials that differ between installs', () => {
    const a = parseEnv(secrets).slack;
    expect(parseEnv(secrets).slack.clientSecret).toBe(a.clientSecret);
    expect(parseEnv({ ...secrets, SESSION_SECRET: 'y'.repeat(40) }).slack.signingSecret).not.toBe(a.signingSecret);
  });

  it.each([
    [{ ...secrets, SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ ...secrets, APP_URL: 'ftp://x' }, 'APP_URL'],
    [{ ...secrets, PORT: 'eighty' }, 'PORT'],
    [{ ...secrets, PORT: '70000' }, 'PORT'],
    [{ ...secrets, DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ ...secrets, TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, 'TOKEN_ENCRYPTION_KEY'],
    [{ ...secrets, SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ ...real, SLACK_SIGNING_SECRET: '' }, 'SLACK_SIGNING_SECRET'],
    [{ ...secrets, SLACK_CLIENT_ID: 'only-the-id' }, 'SLACK_CLIENT_SECRET'],
    [{ SESSION_SECRET: 'x'.repeat(40) }, 'TOKEN_ENCRYPTION_KEY'],
    [{ ...secrets, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ...secrets, METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ ...secrets, WORKER_METRICS_PORT: '0' }, 'WORKER_METRICS_PORT'],
    [{ ...secrets, REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ ...secrets, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' }, 'SLACK_APP_TOKEN'],
  ])('names the bad variable (%#)', (source, variable) => {
    const error = errorOf(source);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(error.message).not.toContain('\n');
  });

  it('never echoes a secret value in its error', () => {
    const badKey = 'c2VjcmV0LXZhbHVlLXRoYXQtaXMtdG9vLXNob3J0';
    expect(errorOf({ ...secrets, TOKEN_ENCRYPTION_KEY: badKey }).message).not.toContain(badKey);
  });
});
