// /api/v1/schedules through its route handlers on a real PostgreSQL: CRUD scoped by workspace, validation
// errors that name the field, and who is on call (now, next, the timeline) computed from what was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '@/emulator/server';
import * as schedules from '@/app/api/v1/schedules/route';
import * as schedule from '@/app/api/v1/schedules/[id]/route';
import * as onCall from '@/app/api/v1/schedules/[id]/on-call/route';
import * as calendar from '@/app/api/v1/schedules/[id]/calendar.ics/route';
import { keyScope } from '../support/alert-fixtures';
import { callApi } from '../support/api-call';
import { installWorkspace } from '../support/install-flow';
import { dropOwnDatabase, useOwnDatabase } from '../support/own-database';
import { startSandboxSlack, type SandboxWorkspaces } from '../support/slack-sandbox';

let emulator: SlackEmulator;
let workspaces: SandboxWorkspaces;
let keyA: string;
let keyB: string;

const weekly = {
  name: 'Primary',
  rotations: [{ kind: 'weekly', start_date: '2026-03-02', handoff_time: '09:00', time_zone: 'Europe/Berlin', participants: ['U0ACMEOWN1', 'U0ACMEMEM2'] }],
  overrides: [{ user: 'U0ACMEMEM3', start: '2026-03-10T12:00:00Z', end: '2026-03-11T12:00:00Z' }],
};

beforeAll(async () => {
  await useOwnDatabase();
  ({ emulator, workspaces } = await startSandboxSlack());
  await installWorkspace(workspaces.acme.id, 'U0ACMEOWN1');
  await installWorkspace(workspaces.globex.id, 'U0GLBXOWN1');
  ({ key: keyA } = await keyScope(workspaces.acme.id));
  ({ key: keyB } = await keyScope(workspaces.globex.id));
});
afterAll(async () => {
  await emulator.close();
  await dropOwnDatabase();
});

describe('/api/v1/schedules', () => {
  it('creates, reads, lists, changes and deletes a schedule in its own workspace only', async () => {
    const created = await callApi(schedules.POST, '/api/v1/schedules', { key: keyA, method: 'POST', body: weekly });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect(created.json).toMatchObject({ name: 'Primary', rotations: weekly.rotations, overrides: [{ user: 'U0ACMEMEM3', start: '2026-03-10T12:00:00.000Z' }] });
    expect(created.json.on_call).toHaveProperty('user');

    expect((await callApi(schedule.GET, `/api/v1/schedules/${id}`, { key: keyB, params: { id } })).status).toBe(404);
    expect((await callApi(schedules.GET, '/api/v1/schedules', { key: keyB })).json.schedules).toEqual([]);
    expect((await callApi(schedules.GET, '/api/v1/schedules', { key: keyA })).json.schedules).toEqual([expect.objectContaining({ id })]);
    expect((await callApi(schedules.POST, '/api/v1/schedules', { key: keyA, method: 'POST', body: weekly })).status).toBe(409);

    const renamed = await callApi(schedule.PATCH, `/api/v1/schedules/${id}`, { key: keyA, method: 'PATCH', body: { name: 'Payments' }, params: { id } });
    expect(renamed.json).toMatchObject({ name: 'Payments', rotations: weekly.rotations });
    expect((await callApi(schedule.PATCH, `/api/v1/schedules/${id}`, { key: keyB, method: 'PATCH', body: { name: 'x' }, params: { id } })).status).toBe(404);
    expect((await callApi(schedule.DELETE, `/api/v1/schedules/${id}`, { key: keyB, method: 'DELETE', params: { id } })).status).toBe(404);
    expect((await callApi(schedule.DELETE, `/api/v1/schedules/${id}`, { key: keyA, method: 'DELETE', params: { id } })).status).toBe(204);
    expect((await callApi(schedule.GET, `/api/v1/schedules/${id}`, { key: keyA, params: { id } })).status).toBe(404);
  });

  it('answers 400 naming the field for a bad time zone, hand-off time, participant, missing every_hours or backwards override', async () => {
    const bad = async (body: unknown) => {
      const answer = await callApi(schedules.POST, '/api/v1/schedules', { key: keyA, method: 'POST', body });
      expect(answer.status).toBe(400);
      return answer.json.error!;
    };
    const rotation = weekly.rotations[0]!;
    expect((await bad({ name: 'x', rotations: [{ ...rotation, time_zone: 'Mars/Olympus' }] })).details).toContainEqual(expect.objectContaining({ field: 'rotations.0.time_zone', message: expect.stringMatching(/IANA/) as unknown }));
    expect((await bad({ name: 'x', rotations: [{ ...rotation, handoff_time: '25:00' }] })).details).toContainEqual(expect.objectContaining({ field: 'rotations.0.handoff_time' }));
    expect((await bad({ name: 'x', rotations: [{ ...rotation, participants: ['ada'] }] })).details).toContainEqual(expect.objectContaining({ field: 'rotations.0.participants.0' }));
    expect((await bad({ name: 'x', rotations: [{ ...rotation, kind: 'hourly' }] })).details).toContainEqual(expect.objectContaining({ field: 'rotations.0.every_hours' }));
    expect((await bad({ name: 'x', overrides: [{ user: 'U0ACMEOWN1', start: '2026-03-02T00:00:00Z', end: '2026-03-01T00:00:00Z' }] })).details).toContainEqual(expect.objectContaining({ field: 'overrides.0.end' }));
    expect((await bad({ name: 'x', rotation: [] })).message).toMatch(/rotation: is not a known field/);
  });

  it('says who is on call at an instant, who is next, and the timeline — an override included, across the spring DST change', async () => {
    const created = await callApi(schedules.POST, '/api/v1/schedules', { key: keyA, method: 'POST', body: { ...weekly, name: 'Timeline' } });
    const id = String(created.json.id);
    const answer = await callApi(onCall.GET, `/api/v1/schedules/${id}/on-call?at=2026-03-09T10:00:00Z&days=28`, { key: keyA, params: { id } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ user: 'U0ACMEMEM2', until: '2026-03-10T12:00:00.000Z', next: { user: 'U0ACMEMEM3', at: '2026-03-10T12:00:00.000Z' } });
    const segments = answer.json.timeline as Array<{ user: string; start: string; end: string }>;
    expect(segments.slice(0, 5)).toEqual([
      { user: 'U0ACMEMEM2', start: '2026-03-09T10:00:00.000Z', end: '2026-03-10T12:00:00.000Z' },
      { user: 'U0ACMEMEM3', start: '2026-03-10T12:00:00.000Z', end: '2026-03-11T12:00:00.000Z' },
      { user: 'U0ACMEMEM2', start: '2026-03-11T12:00:00.000Z', end: '2026-03-16T08:00:00.000Z' },
      { user: 'U0ACMEOWN1', start: '2026-03-16T08:00:00.000Z', end: '2026-03-23T08:00:00.000Z' },
      // Monday 09:00 in Berlin is 07:00Z once summer time starts (2026-03-29).
      { user: 'U0ACMEMEM2', start: '2026-03-23T08:00:00.000Z', end: '2026-03-30T07:00:00.000Z' },
    ]);
    expect((await callApi(onCall.GET, `/api/v1/schedules/${id}/on-call?days=90`, { key: keyA, params: { id } })).json.error?.details).toContainEqual(expect.objectContaining({ field: 'days' }));
  });

  it('serves its shifts as an iCalendar feed at its secret calendar_url, and 404 for a wrong token', async () => {
    const created = await callApi(schedules.POST, '/api/v1/schedules', {
      key: keyA,
      method: 'POST',
      body: { name: 'Feed', rotations: [{ kind: 'daily', start_date: '2026-01-01', handoff_time: '09:00', time_zone: 'Europe/Berlin', participants: ['U0ACMEOWN1', 'U0ACMEMEM2'] }] },
    });
    const id = String(created.json.id);
    const url = new URL(String(created.json.calendar_url));
    expect(url.pathname).toBe(`/api/v1/schedules/${id}/calendar.ics`);
    const response = await calendar.GET(new Request(url), { params: Promise.resolve({ id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(59);
    // Installed by U0ACMEOWN1, known by name: "ada".
    expect(ics).toContain('SUMMARY:ada on call (Feed)');
    url.searchParams.set('token', 'x'.repeat(32));
    expect((await calendar.GET(new Request(url), { params: Promise.resolve({ id }) })).status).toBe(404);
  });
});
