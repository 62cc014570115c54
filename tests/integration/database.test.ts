// The data model's guarantees, checked against a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { checkHealth } from '@/lib/health';

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
});
