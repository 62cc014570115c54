// The data model's guarantees, checked against a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { db, disconnectDb, sql, sqlPool } from '@/lib/db';
import { checkHealth, markStopping } from '@/lib/health';

const teamA = `TA${Date.now()}`;
const teamB = `TB${Date.now()}`;

function newAlert(workspaceId: string, dedupKey: string) {
  const now = new Date();
  return db().alert.create({
    data: { workspaceId, eventType: 'deploy.failed', severity: 'critical', title: 'Deploy failed', dedupKey, openDedupKey: dedupKey, occurredAt: now, lastSeenAt: now },
  });
}

beforeAll(async () => {
  await db().workspace.createMany({ data: [{ id: teamA, name: 'A' }, { id: teamB, name: 'B' }] });
});
afterAll(disconnectDb);

describe('database', () => {
  it('reports healthy when the database answers', async () => {
    await expect(checkHealth()).resolves.toEqual({ status: 'ok', database: 'ok' });
  });

  it('survives the server closing its idle connections, and reconnects on the next query', async () => {
    // Prisma's adapter listens on the pool only while it is connected: the pool must not rely on it.
    await db().$disconnect();
    await Promise.all(Array.from({ length: 3 }, () => sql('SELECT pg_sleep(0.01)')));
    const idle = sqlPool().idleCount;
    expect(idle).toBeGreaterThan(0);
    // As a restart or an administrator would: from another connection, end every backend of this pool.
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await admin.end();
    // Without a listener of its own, the pool's 'error' for each closed idle connection would end the process.
    await expect.poll(() => sqlPool().idleCount).toBe(0);
    await expect(sql<{ one: number }>('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('has every migration applied, recorded as the Prisma CLI would', async () => {
    const rows = await db().$queryRaw<Array<{ migration_name: string; finished_at: Date | null }>>`
      SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('allows one open alert per dedup key and workspace, and a new one once resolved', async () => {
    const first = await newAlert(teamA, 'db-1');
    await expect(newAlert(teamA, 'db-1')).rejects.toThrow();
    await expect(newAlert(teamB, 'db-1')).resolves.toBeTruthy();
    await db().alert.update({ where: { id: first.id }, data: { status: 'resolved', openDedupKey: null } });
    await expect(newAlert(teamA, 'db-1')).resolves.toBeTruthy();
  });

  it("refuses a delivery that points at another workspace's alert", async () => {
    const alert = await newAlert(teamA, 'db-2');
    await expect(db().delivery.create({ data: { workspaceId: teamB, alertId: alert.id, channelId: 'C1' } })).rejects.toThrow();
    await expect(db().delivery.create({ data: { workspaceId: teamA, alertId: alert.id, channelId: 'C1' } })).resolves.toBeTruthy();
  });

  it('posts an alert to a channel at most once', async () => {
    const alert = await newAlert(teamA, 'db-3');
    await db().delivery.create({ data: { workspaceId: teamA, alertId: alert.id, channelId: 'C2' } });
    await expect(db().delivery.create({ data: { workspaceId: teamA, alertId: alert.id, channelId: 'C2' } })).rejects.toThrow();
  });

  it('finds queued posts, due updates, due jobs and open alerts through indexes', async () => {
    const plans = await db().$queryRaw<Array<{ indexname: string }>>`SELECT indexname FROM pg_indexes WHERE tablename IN ('alerts', 'deliveries', 'jobs')`;
    const names = plans.map((row) => row.indexname);
    expect(names).toEqual(expect.arrayContaining([
      'alerts_workspace_id_status_created_at_id_idx',
      'alerts_workspace_id_open_dedup_key_key',
      'deliveries_post_queue',
      'deliveries_dirty',
      'jobs_due',
      'jobs_key_key',
    ]));
  });

  // Last in this file: the flag is for the rest of the process's life.
  it('reports stopping (503 at /api/health) once shutdown has begun, so a load balancer drains the instance', async () => {
    markStopping();
    await expect(checkHealth()).resolves.toEqual({ status: 'stopping', database: 'ok' });
  });
});
