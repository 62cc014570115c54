// The worker's LISTEN connection on a real PostgreSQL: when the server ends it, it comes back by itself, the
// worker is told to look for all work (signals sent meanwhile are lost), and signals are heard again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@/lib/db';
import { listenForWork } from '@/lib/outbox/listen';
import { WORK_CHANNEL, type WorkKind } from '@/lib/outbox/signal';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';

// A database of its own, so that only this file's LISTEN connection is there to see.
beforeAll(useOwnDatabase);
afterAll(dropOwnDatabase);

const listeners = async () =>
  (await sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`, [`LISTEN ${WORK_CHANNEL}`])).rows;

it('comes back after the server ends its connection, asks for all work, and hears signals again', async () => {
  const heard: WorkKind[][] = [];
  const listening = listenForWork((kinds) => heard.push([...kinds]), ['post', 'update', 'reply', 'job']);
  try {
    await expect.poll(listeners).toHaveLength(1);
    await sql(`SELECT pg_notify($1, 'another-process update')`, [WORK_CHANNEL]);
    await expect.poll(() => heard).toContainEqual(['update']);

    const [before] = await listeners();
    await sql('SELECT pg_terminate_backend($1)', [before!.pid]);
    await expect.poll(() => heard, { timeout: 5_000 }).toContainEqual(['post', 'update', 'reply', 'job']);
    const [after] = await listeners();
    expect(after!.pid).not.toBe(before!.pid);

    heard.length = 0;
    await sql(`SELECT pg_notify($1, 'another-process job')`, [WORK_CHANNEL]);
    await expect.poll(() => heard).toContainEqual(['job']);
  } finally {
    await listening.close();
  }
  await expect.poll(listeners).toHaveLength(0);
});
