// Maintenance windows: silences on a weekly schedule in a time zone. Each occurrence is a Silence (with the
// window's id), created ahead of time — at the window's creation and then when the previous occurrence ends
// (the window-next timed job) — so intake, the dashboard and the release of held alerts treat it like any
// other silence.
import { actorOf } from '../alerts/actor';
import { forgetRoutingConfig } from '../alerts/routing-config';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';
import type { MaintenanceWindow } from '../generated/prisma/client';
import type { Tx } from '../outbox/deliveries';
import { scheduleJob } from '../outbox/jobs';
import { signalWork } from '../outbox/signal';
import { WEEKDAYS, type FieldMatcher, type MaintenanceWindowInput } from '../schemas/silence';
import { endSilencesOfWindow, insertSilence } from './silences';
import { nextOccurrence, type WeeklySchedule } from './weekly-schedule';

/** WINDOW_NEXT_JOB creates a window's next occurrence when the current one ends. */
export const WINDOW_NEXT_JOB = 'window-next';

const scheduleOf = (window: MaintenanceWindow): WeeklySchedule => ({ timeZone: window.timeZone, days: window.days, start: window.startTime, end: window.endTime });

/** windowJson renders a maintenance window in the API's shape, with its next (or current) occurrence. */
export function windowJson(window: MaintenanceWindow, now = new Date()) {
  const next = nextOccurrence(scheduleOf(window), now);
  return {
    id: window.id,
    name: window.name,
    event_type: window.eventType,
    severities: window.severities,
    source: window.source,
    fields: window.fieldMatchers,
    time_zone: window.timeZone,
    days: window.days.map((day) => WEEKDAYS[day]!),
    start: window.startTime,
    end: window.endTime,
    next: next ? { starts_at: next.startsAt, ends_at: next.endsAt } : null,
    created_by: { type: window.createdByType, id: window.createdById, name: window.createdByName },
    created_at: window.createdAt,
    updated_at: window.updatedAt,
  };
}

/**
 * materializeWindow creates the window's occurrence that is open at `now` or comes next, unless it exists,
 * and schedules the creation of the one after when it ends.
 */
export async function materializeWindow(tx: Tx, window: MaintenanceWindow, now = new Date()): Promise<void> {
  const next = nextOccurrence(scheduleOf(window), now);
  if (!next) return;
  const existing = await tx.silence.findFirst({ where: { workspaceId: window.workspaceId, windowId: window.id, endsAt: { gt: now } } });
  if (!existing) {
    await insertSilence(
      tx,
      window.workspaceId,
      { type: window.createdByType, id: window.createdById, name: window.createdByName },
      {
        eventType: window.eventType ?? undefined,
        severities: window.severities,
        source: window.source ?? undefined,
        fields: (Array.isArray(window.fieldMatchers) ? window.fieldMatchers : []) as FieldMatcher[],
        startsAt: next.startsAt,
        endsAt: next.endsAt,
        comment: `Maintenance window “${window.name}”`,
      },
      window.id,
    );
  }
  const endsAt = existing?.endsAt ?? next.endsAt;
  await scheduleJob(tx, { kind: WINDOW_NEXT_JOB, key: `${WINDOW_NEXT_JOB}:${window.id}:${endsAt.toISOString()}`, runAt: endsAt, workspaceId: window.workspaceId, payload: { windowId: window.id } });
}

/** createMaintenanceWindow adds a window (admins only) and its first occurrence. */
export async function createMaintenanceWindow(scope: WorkspaceScope, input: MaintenanceWindowInput): Promise<MaintenanceWindow> {
  assertAdmin(scope);
  const actor = actorOf(scope);
  const window = await db().$transaction(async (tx) => {
    const created = await tx.maintenanceWindow.create({
      data: {
        workspaceId: scope.workspaceId,
        name: input.name,
        eventType: input.eventType ?? null,
        severities: input.severities,
        source: input.source ?? null,
        fieldMatchers: input.fields,
        timeZone: input.timeZone,
        days: input.days,
        startTime: input.start,
        endTime: input.end,
        createdByType: actor.type,
        createdById: actor.slackUserId ?? actor.id,
        createdByName: actor.name,
      },
    });
    await materializeWindow(tx, created);
    return created;
  });
  forgetRoutingConfig(scope.workspaceId);
  signalWork('job');
  return window;
}

async function findWindow(scope: WorkspaceScope, id: string): Promise<MaintenanceWindow> {
  const window = await db().maintenanceWindow.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!window) throw new AppError('not_found', 'No such maintenance window.');
  return window;
}

/** getMaintenanceWindow returns one window of the workspace. */
export function getMaintenanceWindow(scope: WorkspaceScope, id: string): Promise<MaintenanceWindow> {
  return findWindow(scope, id);
}

/** listMaintenanceWindows returns the workspace's windows by name. */
export function listMaintenanceWindows(scope: WorkspaceScope): Promise<MaintenanceWindow[]> {
  return db().maintenanceWindow.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** deleteMaintenanceWindow removes a window (admins only); an occurrence under way ends now and posts what it held. */
export async function deleteMaintenanceWindow(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  const window = await findWindow(scope, id);
  await db().$transaction(async (tx) => {
    await endSilencesOfWindow(tx, scope.workspaceId, window.id);
    await tx.maintenanceWindow.delete({ where: { id: window.id } });
  });
  forgetRoutingConfig(scope.workspaceId);
  signalWork('job');
}
