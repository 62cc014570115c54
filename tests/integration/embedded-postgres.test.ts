// The embedded PostgreSQL of `npm start` keeps its data across restarts, and Ctrl-C reaches Klaxon, not it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/lib/runtime/embedded-postgres';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klaxon-embedded-'));
const port = 40000 + Math.floor(Math.random() * 20000);
const options = { dataDir, port, password: 'embedded-test-password', log: () => undefined };

async function query(url: string, sql: string): Promise<pg.QueryResult<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('keeps data across a stop and a second start', async () => {
    const first = await startEmbeddedPostgres(options);
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const second = await startEmbeddedPostgres(options);
    try {
      const { rows } = await query(second.url, 'SELECT note FROM kept');
      expect(rows).toEqual([{ note: 'still here' }]);
      const version = await query(second.url, 'SHOW server_version');
      expect(String(version.rows[0]?.server_version)).toMatch(/^18\./);
    } finally {
      await second.stop();
    }
  });

  it('is not stopped by a Ctrl-C to the process group: the process that started it stops it, when it is done', async () => {
    const childDir = fs.mkdtempSync(path.join(dataDir, 'child-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../support/embedded-postgres-child.ts'), childDir, String(port + 1)], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!stdout.includes('ready')) {
      if (child.exitCode !== null) throw new Error(`the child exited: ${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('still answering');
    await expect(query(`postgresql://klaxon:embedded-child-password@127.0.0.1:${port + 1}/postgres`, 'SELECT 1')).rejects.toThrow();
  }, 60_000);
});
