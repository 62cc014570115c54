// The embedded PostgreSQL of `npm start` keeps its data across restarts.
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
});
