// `npm start` refuses a malformed configuration before it starts anything, with one line naming the variable.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function start(extraEnv: Record<string, string>) {
  const result = spawnSync(tsx, ['scripts/start.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...extraEnv },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

describe('start-up with a malformed configuration', () => {
  it.each([
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ TOKEN_ENCRYPTION_KEY: Buffer.alloc(20).toString('base64') }, 'TOKEN_ENCRYPTION_KEY'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SESSION_SECRET: 'x'.repeat(40) }, 'TOKEN_ENCRYPTION_KEY'],
  ])('stops with exit code 1 and one line naming the variable (%#)', (extraEnv, variable) => {
    const { status, stderr, stdout } = start(extraEnv);
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(stdout).not.toContain('Klaxon is running');
  });
});
