// Scheduled reports on a real PostgreSQL with the emulator: created through the API (channel checked,
// workspace-scoped), previewed, sent by their timed job when the clock reaches it (moved by the test) with the
// period's counts, mean times and what is still open, and the next one scheduled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as reportsRoute from '@/app/api/v1/reports/route';
import * as reportRoute from '@/app/api/v1/reports/[id]/route';
import * as previewRoute from '@/app/api/v1/reports/[id]/preview/route';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { env } from '@/lib/env';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { keyScope, waitFor } from '../support/alert-fixtures';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let scope: WorkspaceScope;
let key: string;
let otherKey: string;
let worker: Worker;

const CHANNEL = 'C0ACMEINCD';

async function call(handler: unknown, path: string, init: { key?: string; method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const request = new Request(`${env().appUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${init.key ?? key}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { message: string } } };
}

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
  ({ scope, key } = await keyScope(workspaces.acme.id));
  ({ key: otherKey } = await keyScope(workspaces.globex.id));
  worker = startWorker({ pollMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await emulator.close();
  await dropOwnDatabase();
});

describe('scheduled reports', () => {
  it('are sent at their local time with the period summary, then scheduled again', async () => {
    const trigger = (title: string, eventType: string) => ingestAlert(scope, { action: 'trigger', eventType, severity: eventType.startsWith('disk') ? 'critical' : 'warning', title, fields: {}, links: [] });
    const a = await trigger('disk one', 'disk.full');
    const b = await trigger('disk two', 'disk.full');
    await trigger('cpu hot', 'cpu.high');
    await changeAlertStatusFor(scope, a.id, 'acknowledge');
    await changeAlertStatusFor(scope, b.id, 'resolve');

    const created = await call(reportsRoute.POST, '/api/v1/reports', { method: 'POST', body: { channel: CHANNEL, days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], time: '09:00', time_zone: 'Europe/Berlin' } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const report = created.json as { id: string; next_at: string };
    expect(created.json).toMatchObject({ channel: CHANNEL, time: '09:00', time_zone: 'Europe/Berlin', last_sent_at: null });
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(report.next_at))).toBe('09:00');
    expect((await call(reportRoute.GET, `/api/v1/reports/${report.id}`, { key: otherKey, params: { id: report.id } })).status).toBe(404);
    const bad = await call(reportsRoute.POST, '/api/v1/reports', { method: 'POST', body: { channel: 'C0GLBXALRT', days: ['mon'], time: '9:00am', time_zone: 'Europe/Berlin' } });
    expect(bad.json.error?.message).toMatch(/time: must be a local time HH:MM/);

    const preview = await call(previewRoute.GET, `/api/v1/reports/${report.id}/preview`, { params: { id: report.id } });
    expect(preview.json.text).toMatch(/: 3 alerts \(2 critical, 1 warning\), 2 open$/);
    expect(JSON.stringify(preview.json.blocks)).toContain('`disk.full` ×2, `cpu.high` ×1');

    // The clock reaches the send time: the job is due.
    const job = await db().job.findFirstOrThrow({ where: { kind: 'report-send', state: 'pending' } });
    expect(job.runAt.toISOString()).toBe(report.next_at);
    await sqlPool().query('UPDATE jobs SET run_at = now() WHERE id = $1', [job.id]);
    const message = await waitFor(() => emulator.state.messages(CHANNEL).find((m) => String(m.text).startsWith('Alert report')), 10_000, 'the report posted');
    expect(message.text).toMatch(/: 3 alerts \(2 critical, 1 warning\), 2 open$/);
    const blocks = JSON.stringify(message.blocks);
    expect(blocks).toContain('Mean time to resolve');
    expect(blocks).toContain('disk one');
    expect(blocks).not.toContain('disk two'); // resolved: not among the open ones
    // The job commits after Slack answered: wait for it.
    await waitFor(async () => (await db().job.findUniqueOrThrow({ where: { id: job.id } })).state === 'done', 10_000, 'the job done');
    const sent = await db().report.findUniqueOrThrow({ where: { id: report.id } });
    expect(sent.lastSentAt).not.toBeNull();
    const next = await db().job.findFirstOrThrow({ where: { kind: 'report-send', state: 'pending' } });
    expect(next.runAt.getTime()).toBeGreaterThan(Date.now());

    expect((await call(reportRoute.DELETE, `/api/v1/reports/${report.id}`, { method: 'DELETE', params: { id: report.id } })).status).toBe(204);
  });

  it('is posted once when its job runs again after Slack took the post (the answer was lost before the job was marked done)', async () => {
    const created = await call(reportsRoute.POST, '/api/v1/reports', { method: 'POST', body: { channel: CHANNEL, days: ['mon'], time: '07:30', time_zone: 'UTC' } });
    const report = created.json as { id: string };
    const job = await db().job.findFirstOrThrow({ where: { kind: 'report-send', state: 'pending', payload: { path: ['reportId'], equals: report.id } } });
    const reports = () => emulator.state.messages(CHANNEL).filter((m) => String(m.text).startsWith('Alert report'));
    const before = reports().length;
    emulator.state.dropNextResponse('chat.postMessage');
    await sqlPool().query('UPDATE jobs SET run_at = now() WHERE id = $1', [job.id]);
    // The first attempt's post reached Slack, its answer did not: the job was retried (after a short backoff).
    const done = await waitFor(async () => {
      const row = await db().job.findUniqueOrThrow({ where: { id: job.id } });
      return row.state === 'done' && row;
    }, 15_000, 'the job done');
    expect(done.attempts).toBe(2);
    expect(reports()).toHaveLength(before + 1);
    expect((await db().report.findUniqueOrThrow({ where: { id: report.id } })).lastSentAt).not.toBeNull();
  });
});
