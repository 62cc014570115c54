// Silences on a real PostgreSQL with the Slack emulator over real HTTP: the API (workspace-scoped, clear 400s),
// intake holding matching alerts back (stored, listed as silenced, never posted), the timed end that posts the
// open ones it held (resolved ones stay quiet; one still matched by a longer silence moves to it), silences
// that have not started, and the "Silence 1h" button on a message.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as silencesRoute from '@/app/api/v1/silences/route';
import * as silenceRoute from '@/app/api/v1/silences/[id]/route';
import * as alertsRoute from '@/app/api/v1/alerts/route';
import * as alertRoute from '@/app/api/v1/alerts/[id]/route';
import * as windowsRoute from '@/app/api/v1/maintenance-windows/route';
import * as windowRoute from '@/app/api/v1/maintenance-windows/[id]/route';
import { ingestAlert } from '@/lib/alerts/ingest-alert';
import { changeAlertStatusFor } from '@/lib/alerts/lifecycle';
import { materializeWindow } from '@/lib/silences/maintenance-windows';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { db, sqlPool } from '@/lib/db';
import { env } from '@/lib/env';
import type { Severity } from '@/lib/generated/prisma/client';
import { startWorker, type Worker } from '@/lib/outbox/worker';
import { addRoute, keyScope, waitFor } from '../support/alert-fixtures';
import type { SlackAppServer } from '../support/slack-app-server';
import type { SandboxWorkspaces } from '../support/slack-sandbox';
import { startInstalledSandbox, type InstalledSandbox } from '../support/installed-sandbox';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Array<{ field: string; message: string }> } };

let sandbox: InstalledSandbox;
let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let app: SlackAppServer;
let scope: WorkspaceScope;
let key: string;
let otherKey: string;
let worker: Worker | null = null;

const ALERTS = 'C0ACMEALRT';

async function call(handler: unknown, path: string, init: { key?: string; method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers = new Headers({ 'content-type': 'application/json', authorization: `Bearer ${init.key ?? key}` });
  const request = new Request(`${env().appUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const response = await (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as Json };
}

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
const trigger = (title: string, extra: { eventType?: string; severity?: Severity; source?: string; fields?: Record<string, string> } = {}) =>
  ingestAlert(scope, { action: 'trigger', eventType: extra.eventType ?? 'deploy.failed', severity: extra.severity ?? 'critical', title, source: extra.source, fields: extra.fields ?? {}, links: [] });
const posted = (title: string) => emulator.state.messages(ALERTS).some((message) => message.text?.includes(title));
const createSilence = async (body: Record<string, unknown>) => {
  const created = await call(silencesRoute.POST, '/api/v1/silences', { method: 'POST', body: { ends_at: inOneHour(), comment: 'test', ...body } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json as Json & { id: string };
};
const expire = (id: string) => call(silenceRoute.DELETE, `/api/v1/silences/${id}`, { method: 'DELETE', params: { id } });

beforeAll(async () => {
  sandbox = await startInstalledSandbox({ both: true });
  ({ emulator, workspaces, app, scope, key } = sandbox);
  ({ key: otherKey } = await keyScope(workspaces.globex.id));
  await addRoute(workspaces.acme.id, { eventTypes: ['*'], severities: ['critical', 'error', 'warning', 'info'], channelIds: [ALERTS] });
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  // Each test starts without silences in force.
  await sqlPool().query(`UPDATE silences SET ends_at = now() - interval '1 day', starts_at = LEAST(starts_at, now() - interval '2 days')`);
  await sqlPool().query(`UPDATE jobs SET state = 'cancelled' WHERE kind = 'silence-end' AND state = 'pending'`);
  await sqlPool().query(`UPDATE alerts SET silenced = false`);
});
afterAll(async () => {
  await sandbox.stop();
});

describe('the silences API', () => {
  it('creates, lists, reads and changes silences, workspace-scoped', async () => {
    const silence = await createSilence({ event_type: 'deploy.*', severities: ['critical'], source: 'ci', fields: [{ name: 'region', op: '=~', value: 'eu-.*' }], comment: 'deploy freeze' });
    expect(silence).toMatchObject({
      state: 'active',
      event_type: 'deploy.*',
      severities: ['critical'],
      source: 'ci',
      fields: [{ name: 'region', op: '=~', value: 'eu-.*' }],
      comment: 'deploy freeze',
      created_by: { type: 'api_key', name: 'tests' },
    });
    const list = await call(silencesRoute.GET, '/api/v1/silences?state=active');
    expect((list.json.silences as Json[]).map((s) => s.id)).toContain(silence.id);
    const one = await call(silenceRoute.GET, `/api/v1/silences/${silence.id}`, { params: { id: silence.id } });
    expect(one.json).toMatchObject({ id: silence.id, held_alerts: 0 });
    const changed = await call(silenceRoute.PATCH, `/api/v1/silences/${silence.id}`, { method: 'PATCH', params: { id: silence.id }, body: { comment: 'longer freeze' } });
    expect(changed.json).toMatchObject({ comment: 'longer freeze', event_type: 'deploy.*' });

    // Another workspace's key sees nothing of it.
    expect((await call(silenceRoute.GET, `/api/v1/silences/${silence.id}`, { key: otherKey, params: { id: silence.id } })).status).toBe(404);
    expect((await call(silenceRoute.DELETE, `/api/v1/silences/${silence.id}`, { key: otherKey, method: 'DELETE', params: { id: silence.id } })).status).toBe(404);
    expect(((await call(silencesRoute.GET, '/api/v1/silences', { key: otherKey })).json.silences as Json[]).map((s) => s.id)).not.toContain(silence.id);

    const expired = await expire(silence.id);
    expect(expired.json).toMatchObject({ id: silence.id, state: 'expired' });
  });

  it('answers 400 naming the field for a bad silence', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const answer = await call(silencesRoute.POST, '/api/v1/silences', { method: 'POST', body });
      expect(answer.status).toBe(400);
      return answer.json.error!;
    };
    const base = { event_type: 'deploy.*', ends_at: inOneHour(), comment: 'x' };
    expect((await bad({ ...base, ends_at: undefined })).message).toMatch(/ends_at/);
    expect((await bad({ ...base, ends_at: new Date(Date.now() - 1000).toISOString() })).message).toMatch(/ends_at: must be after starts_at/);
    expect((await bad({ ...base, fields: [{ name: 'region', op: '~', value: 'x' }] })).message).toMatch(/fields\.0\.op|fields\[0\]\.op|op/);
    expect((await bad({ ...base, fields: [{ name: 'region', op: '=~', value: '(' }] })).message).toMatch(/not a valid regular expression/);
    expect((await bad({ ends_at: inOneHour(), comment: 'everything' })).message).toMatch(/at least one matcher/);
    expect((await bad({ ...base, colour: 'red' })).message).toMatch(/colour: is not a known field/);
    expect((await bad({ ...base, comment: '' })).message).toMatch(/comment/);
    expect((await bad({ ...base, severities: ['fatal'] })).message).toMatch(/severities/);
  });
});

describe('silenced alerts', () => {
  it('are stored and shown as silenced, never posted, while others still post', async () => {
    const silence = await createSilence({ event_type: 'deploy.*', source: 'ci', fields: [{ name: 'region', op: '!=', value: 'us-east-1' }] });
    worker = startWorker({ pollMs: 50 });
    const held = await trigger('held deploy', { source: 'ci', fields: { region: 'eu-west-1' } });
    const other = await trigger('other source', { source: 'cd' });
    const us = await trigger('us region', { source: 'ci', fields: { region: 'us-east-1' } });

    const detail = await call(alertRoute.GET, `/api/v1/alerts/${held.id}`, { params: { id: held.id } });
    expect(detail.json).toMatchObject({ silenced: true, silence_id: silence.id, deliveries: [] });
    const listed = await call(alertsRoute.GET, '/api/v1/alerts?silenced=true');
    expect((listed.json.alerts as Json[]).map((alert) => alert.id)).toEqual([held.id]);

    await waitFor(() => posted('other source') && posted('us region'), 10_000, 'the others posted');
    // A repeat of the held alert bumps it and still posts nothing.
    await ingestAlert(scope, { action: 'trigger', eventType: 'deploy.failed', severity: 'critical', title: 'held deploy', source: 'ci', dedupKey: held.dedupKey, fields: { region: 'eu-west-1' }, links: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posted('held deploy')).toBe(false);
    expect((await db().alert.findUniqueOrThrow({ where: { id: held.id } })).occurrences).toBe(2);
    expect((await call(silenceRoute.GET, `/api/v1/silences/${silence.id}`, { params: { id: silence.id } })).json.held_alerts).toBe(1);
    expect(await db().delivery.count({ where: { alertId: { in: [other.id, us.id] } } })).toBe(2);
  });

  it('a silence that has not started holds nothing', async () => {
    await createSilence({ event_type: 'later.*', starts_at: new Date(Date.now() + 600_000).toISOString() });
    worker = startWorker({ pollMs: 50 });
    const alert = await trigger('later thing', { eventType: 'later.x' });
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert.id } })).silenced).toBe(false);
    await waitFor(() => posted('later thing'), 10_000, 'posted');
  });

  it('when the silence ends, the open alerts it held are posted; resolved ones are not; one held by a longer silence waits for it', async () => {
    const short = await createSilence({ event_type: 'batch.*', ends_at: new Date(Date.now() + 3_600_000).toISOString() });
    const open = await trigger('batch open', { eventType: 'batch.a' });
    const acked = await trigger('batch acked', { eventType: 'batch.b' });
    const resolved = await trigger('batch resolved', { eventType: 'batch.c' });
    await changeAlertStatusFor(scope, acked.id, 'acknowledge');
    await changeAlertStatusFor(scope, resolved.id, 'resolve');
    // A longer silence of batch.d starts after batch.d arrived under the short one.
    const stillHeld = await trigger('batch long', { eventType: 'batch.d' });
    const long = await createSilence({ event_type: 'batch.d', ends_at: new Date(Date.now() + 7_200_000).toISOString() });
    worker = startWorker({ pollMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posted('batch open')).toBe(false);

    // The clock moves to the silence's end: its job is due.
    const job = await db().job.findFirstOrThrow({ where: { kind: 'silence-end', state: 'pending', key: { startsWith: `silence-end:${short.id}:` } } });
    expect(job.runAt.toISOString()).toBe(short.ends_at);
    await sqlPool().query(`UPDATE silences SET ends_at = now() - interval '1 second' WHERE id = $1`, [short.id]);
    const { rows } = await sqlPool().query<{ ends_at: Date }>('SELECT ends_at FROM silences WHERE id = $1', [short.id]);
    await sqlPool().query(`UPDATE jobs SET run_at = now(), payload = jsonb_set(payload, '{until}', to_jsonb($2::text)) WHERE id = $1`, [job.id, rows[0]!.ends_at.toISOString()]);

    await waitFor(() => posted('batch open') && posted('batch acked'), 10_000, 'held open alerts posted');
    expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: 'done' });
    const released = await db().alert.findUniqueOrThrow({ where: { id: open.id } });
    expect(released).toMatchObject({ silenced: false, silenceId: short.id });
    const activity = await db().alertActivity.findMany({ where: { alertId: open.id }, orderBy: { at: 'asc' } });
    expect(activity.map((entry) => entry.kind)).toEqual(['triggered', 'unsilenced']);
    expect(activity[1]).toMatchObject({ actorType: 'system', note: 'Silence ended: posted to 1 channel' });
    // The acknowledged one is posted as acknowledged.
    const ackedMessage = emulator.state.messages(ALERTS).find((message) => message.text?.includes('batch acked'));
    expect(JSON.stringify(ackedMessage?.blocks)).toContain('Acknowledged');

    expect(await db().alert.findUniqueOrThrow({ where: { id: resolved.id } })).toMatchObject({ silenced: true, status: 'resolved' });
    expect(await db().alert.findUniqueOrThrow({ where: { id: stillHeld.id } })).toMatchObject({ silenced: true, silenceId: long.id });
    // A sweep follows for alerts that committed in the silence's last moments elsewhere.
    expect(await db().job.count({ where: { key: `silence-end:${short.id}:${rows[0]!.ends_at.toISOString()}:sweep`, state: 'pending' } })).toBe(1);

    // Expiring the long one now (DELETE) posts the last one.
    expect((await expire(long.id)).json).toMatchObject({ state: 'expired' });
    await waitFor(() => posted('batch long'), 10_000, 'the alert of the longer silence posted');
    expect(posted('batch resolved')).toBe(false);
  });

  it('moving the end later keeps them held at the old end', async () => {
    const silence = await createSilence({ event_type: 'moved.*', ends_at: new Date(Date.now() + 1_500).toISOString() });
    await trigger('moved thing', { eventType: 'moved.x' });
    await call(silenceRoute.PATCH, `/api/v1/silences/${silence.id}`, { method: 'PATCH', params: { id: silence.id }, body: { ends_at: inOneHour() } });
    worker = startWorker({ pollMs: 50 });
    await waitFor(async () => (await db().job.count({ where: { key: `silence-end:${silence.id}:${silence.ends_at as string}`, state: 'done' } })) === 1, 10_000, 'the old end ran');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posted('moved thing')).toBe(false);
  });
});

describe('maintenance windows', () => {
  const hhmm = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  const weekday = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(date).toLowerCase();

  it('hold matching alerts during an occurrence; the next occurrence is made when one ends; deleting one ends it and posts what it held', async () => {
    const zone = 'Europe/Berlin';
    const now = new Date();
    const start = new Date(now.getTime() - 60_000);
    const end = new Date(now.getTime() + 3_600_000);
    // Today in Berlin only; a window that would cross a day boundary in this test is avoided by its short span.
    const created = await call(windowsRoute.POST, '/api/v1/maintenance-windows', {
      method: 'POST',
      body: { name: 'Backups', event_type: 'backup.*', time_zone: zone, days: [weekday(start, zone)], start: hhmm(start, zone), end: hhmm(end, zone) },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const window = created.json as Json & { id: string; next: { starts_at: string; ends_at: string } };
    expect(window).toMatchObject({ name: 'Backups', time_zone: zone, days: [weekday(start, zone)] });
    expect(Date.parse(window.next.starts_at)).toBeLessThanOrEqual(now.getTime());
    const occurrence = await db().silence.findFirstOrThrow({ where: { windowId: window.id } });
    expect(occurrence.endsAt.toISOString()).toBe(window.next.ends_at);
    expect((await call(windowRoute.GET, `/api/v1/maintenance-windows/${window.id}`, { key: otherKey, params: { id: window.id } })).status).toBe(404);

    worker = startWorker({ pollMs: 50 });
    const held = await trigger('nightly backup slow', { eventType: 'backup.slow' });
    expect(await db().alert.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ silenced: true, silenceId: occurrence.id });

    // When the occurrence ends (the clock moved to its end), the next one (a week later) is made.
    const job = await db().job.findFirstOrThrow({ where: { kind: 'window-next', state: 'pending' } });
    expect(job.runAt.getTime()).toBe(occurrence.endsAt.getTime());
    await sqlPool().query('UPDATE jobs SET run_at = now() WHERE id = $1', [job.id]);
    await waitFor(async () => (await db().job.findUniqueOrThrow({ where: { id: job.id } })).state === 'done', 10_000, 'window-next ran');
    // The occurrence has not ended yet (only its job was moved): no second one while it lasts.
    expect(await db().silence.count({ where: { windowId: window.id } })).toBe(1);
    // At its end (the clock set there), the next one is the same local times a week later.
    const stored = await db().maintenanceWindow.findUniqueOrThrow({ where: { id: window.id } });
    const atEnd = new Date(occurrence.endsAt.getTime() + 1);
    await db().$transaction((tx) => materializeWindow(tx, stored, atEnd));
    const next = await db().silence.findFirstOrThrow({ where: { windowId: window.id, id: { not: occurrence.id } } });
    expect(hhmm(next.startsAt, zone)).toBe(hhmm(start, zone));
    expect(next.startsAt.getTime() - occurrence.startsAt.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
    expect(next.startsAt.getTime() - occurrence.startsAt.getTime()).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
    expect(await db().job.count({ where: { kind: 'window-next', key: `window-next:${window.id}:${next.endsAt.toISOString()}` } })).toBe(1);

    expect((await call(windowRoute.DELETE, `/api/v1/maintenance-windows/${window.id}`, { method: 'DELETE', params: { id: window.id } })).status).toBe(204);
    await waitFor(() => posted('nightly backup slow'), 10_000, 'the held alert posted when the window went');
    expect((await db().silence.findUniqueOrThrow({ where: { id: occurrence.id } })).endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    // The future occurrence is gone too (ended before it started).
    expect((await db().silence.findUniqueOrThrow({ where: { id: next.id } })).endsAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses an unknown time zone, day or time, naming the field', async () => {
    const bad = async (body: Record<string, unknown>) => (await call(windowsRoute.POST, '/api/v1/maintenance-windows', { method: 'POST', body })).json.error!.message;
    const base = { name: 'x', event_type: 'a.*', time_zone: 'Europe/Berlin', days: ['sun'], start: '02:00', end: '04:00' };
    expect(await bad({ ...base, time_zone: 'Mars/Olympus' })).toMatch(/time_zone: must be an IANA time zone/);
    expect(await bad({ ...base, days: ['sunday'] })).toMatch(/days/);
    expect(await bad({ ...base, start: '25:00' })).toMatch(/start: must be a local time HH:MM/);
    expect(await bad({ ...base, end: '02:00' })).toMatch(/end: must differ from start/);
  });
});

describe('the Silence 1h button', () => {
  it('silences new alerts with the event type and source of the clicked one, says so in its thread and to the clicker', async () => {
    worker = startWorker({ pollMs: 50 });
    const first = await trigger('flappy check', { eventType: 'check.flap', source: 'probe-7' });
    const delivery = await waitFor(async () => {
      const row = await db().delivery.findFirst({ where: { alertId: first.id, state: 'sent' } });
      return row?.messageTs ? row : null;
    }, 10_000, 'posted');
    const message = emulator.state.messages(ALERTS).find((m) => m.ts === delivery.messageTs);
    expect(JSON.stringify(message?.blocks)).toContain('alert_silence');

    const response = await emulator.state.clickButton({ teamId: workspaces.acme.id, channelId: ALERTS, ts: delivery.messageTs!, actionId: 'alert_silence', userId: 'U0ACMEMEM1' });
    await app.settled();
    expect(response.status).toBe(200);
    const silence = await db().silence.findFirstOrThrow({ where: { workspaceId: workspaces.acme.id, eventType: 'check.flap' } });
    expect(silence).toMatchObject({ source: 'probe-7', severities: [], createdByType: 'slack_user', createdById: 'U0ACMEMEM1' });
    expect(silence.endsAt.getTime() - silence.startsAt.getTime()).toBe(3_600_000);
    expect(emulator.state.ephemeralMessages(ALERTS, 'U0ACMEMEM1').at(-1)?.text).toMatch(/^Silenced for 1 hour, until <!date\^\d+\^\{date_short_pretty\} \{time\}\|\d{4}-\d\d-\d\d \d\d:\d\d UTC>:/);
    await waitFor(() => emulator.state.calls('chat.postMessage').some((c) => c.params.thread_ts === delivery.messageTs && String(c.params.text).startsWith('Silenced for 1 hour by <@U0ACMEMEM1>')), 10_000, 'thread reply');

    const again = await trigger('flappy check again', { eventType: 'check.flap', source: 'probe-7' });
    const elsewhere = await trigger('flappy elsewhere', { eventType: 'check.flap', source: 'probe-8' });
    expect((await db().alert.findUniqueOrThrow({ where: { id: again.id } })).silenced).toBe(true);
    expect((await db().alert.findUniqueOrThrow({ where: { id: elsewhere.id } })).silenced).toBe(false);
  });
});
