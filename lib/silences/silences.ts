// Silences of a workspace: CRUD through the API, the dashboard and Slack's "Silence 1 h" button. Each change
// drops the routing cache of this process (intake reads silences from it) and schedules the timed job that
// releases the alerts a silence held when it ends (lib/outbox/handlers/silence-end.ts).
import { forgetRoutingConfig } from '../alerts/routing-config';
import type { Actor } from '../alerts/actor';
import { actorOf } from '../alerts/actor';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';
import type { Silence } from '../generated/prisma/client';
import type { Tx } from '../outbox/deliveries';
import { scheduleJob } from '../outbox/jobs';
import { signalWork } from '../outbox/signal';
import type { SilenceInput, SilencePatch } from '../schemas/silence';
import { isSilenceActive } from './match-silence';

/** SILENCE_END_JOB is the timed job that releases a silence's held alerts when it ends. */
export const SILENCE_END_JOB = 'silence-end';

/** SilenceState is where a silence is in time. */
export type SilenceState = 'pending' | 'active' | 'expired';

/** silenceState tells whether a silence is yet to start, holding alerts, or over, at `now`. */
export function silenceState(silence: Pick<Silence, 'startsAt' | 'endsAt'>, now = new Date()): SilenceState {
  if (isSilenceActive(silence, now)) return 'active';
  return silence.endsAt <= now ? 'expired' : 'pending';
}

/** silenceJson renders a silence in the API's snake_case shape. */
export function silenceJson(silence: Silence & { heldAlerts?: number }, now = new Date()) {
  return {
    id: silence.id,
    state: silenceState(silence, now),
    event_type: silence.eventType,
    severities: silence.severities,
    source: silence.source,
    fields: silence.fieldMatchers,
    starts_at: silence.startsAt,
    ends_at: silence.endsAt,
    comment: silence.comment,
    window_id: silence.windowId,
    created_by: { type: silence.createdByType, id: silence.createdById, name: silence.createdByName },
    ...(silence.heldAlerts !== undefined ? { held_alerts: silence.heldAlerts } : {}),
    created_at: silence.createdAt,
    updated_at: silence.updatedAt,
  };
}

/** scheduleSilenceEnd makes sure the release job for the silence's current end exists. */
export async function scheduleSilenceEnd(tx: Tx, silence: Pick<Silence, 'id' | 'workspaceId' | 'endsAt'>): Promise<void> {
  const until = silence.endsAt.toISOString();
  await scheduleJob(tx, { kind: SILENCE_END_JOB, key: `${SILENCE_END_JOB}:${silence.id}:${until}`, runAt: silence.endsAt, workspaceId: silence.workspaceId, payload: { silenceId: silence.id, until } });
}

async function findSilenceOf(scope: WorkspaceScope, id: string): Promise<Silence> {
  const silence = await db().silence.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!silence) throw new AppError('not_found', 'No such silence.');
  return silence;
}

/** insertSilence stores a silence made by `actor` inside `tx` and schedules its end (the caller forgets the routing cache). */
export async function insertSilence(tx: Tx, workspaceId: string, actor: Pick<Actor, 'type' | 'id' | 'name' | 'slackUserId'>, input: SilenceInput, windowId: string | null = null): Promise<Silence> {
  const created = await tx.silence.create({
    data: {
      workspaceId,
      eventType: input.eventType ?? null,
      severities: input.severities,
      source: input.source ?? null,
      fieldMatchers: input.fields,
      startsAt: input.startsAt ?? new Date(),
      endsAt: input.endsAt,
      comment: input.comment,
      createdByType: actor.type,
      createdById: actor.slackUserId ?? actor.id,
      createdByName: actor.name,
      windowId,
    },
  });
  await scheduleSilenceEnd(tx, created);
  return created;
}

/** createSilenceBy stores a silence made by `actor` in a workspace and schedules its end. */
export async function createSilenceBy(workspaceId: string, actor: Actor, input: SilenceInput): Promise<Silence> {
  const silence = await db().$transaction((tx) => insertSilence(tx, workspaceId, actor, input));
  forgetRoutingConfig(workspaceId);
  signalWork('job');
  return silence;
}

/** createSilence adds a silence for a scoped caller (admins only). */
export function createSilence(scope: WorkspaceScope, input: SilenceInput): Promise<Silence> {
  assertAdmin(scope);
  return createSilenceBy(scope.workspaceId, actorOf(scope), input);
}

/** updateSilence changes the given fields (admins only); moving the end reschedules the release. */
export async function updateSilence(scope: WorkspaceScope, id: string, patch: SilencePatch): Promise<Silence> {
  assertAdmin(scope);
  const current = await findSilenceOf(scope, id);
  const startsAt = patch.startsAt ?? current.startsAt;
  const endsAt = patch.endsAt ?? current.endsAt;
  if (endsAt <= startsAt) throw new AppError('invalid_request', 'ends_at: must be after starts_at', [{ field: 'ends_at', message: 'must be after starts_at' }]);
  const silence = await db().$transaction(async (tx) => {
    const updated = await tx.silence.update({
      where: { id: current.id },
      data: {
        eventType: patch.eventType,
        severities: patch.severities,
        source: patch.source,
        fieldMatchers: patch.fields,
        startsAt: patch.startsAt,
        endsAt: patch.endsAt,
        comment: patch.comment,
      },
    });
    await scheduleSilenceEnd(tx, updated);
    return updated;
  });
  forgetRoutingConfig(scope.workspaceId);
  signalWork('job');
  return silence;
}

/**
 * expireSilence ends a silence now (admins only), as Alertmanager's "expire": it stays in the list as expired,
 * and the alerts it held that are still open are posted.
 */
export async function expireSilence(scope: WorkspaceScope, id: string): Promise<Silence> {
  assertAdmin(scope);
  const current = await findSilenceOf(scope, id);
  const now = new Date();
  if (current.endsAt <= now) return current;
  const silence = await db().$transaction(async (tx) => {
    const updated = await tx.silence.update({ where: { id: current.id }, data: { endsAt: now, ...(current.startsAt > now ? { startsAt: now } : {}) } });
    await scheduleSilenceEnd(tx, updated);
    return updated;
  });
  forgetRoutingConfig(scope.workspaceId);
  signalWork('job');
  return silence;
}

/** endSilencesOfWindow ends a maintenance window's current and future occurrences now (inside `tx`). */
export async function endSilencesOfWindow(tx: Tx, workspaceId: string, windowId: string, now = new Date()): Promise<void> {
  const open = await tx.silence.findMany({ where: { workspaceId, windowId, endsAt: { gt: now } } });
  for (const silence of open) {
    const ended = await tx.silence.update({ where: { id: silence.id }, data: { endsAt: now, ...(silence.startsAt > now ? { startsAt: now } : {}) } });
    await scheduleSilenceEnd(tx, ended);
  }
}

/** getSilence returns one silence of the workspace with how many alerts it holds now. */
export async function getSilence(scope: WorkspaceScope, id: string): Promise<Silence & { heldAlerts: number }> {
  const silence = await findSilenceOf(scope, id);
  const heldAlerts = await db().alert.count({ where: { workspaceId: scope.workspaceId, silenceId: silence.id, silenced: true, status: { not: 'resolved' } } });
  return { ...silence, heldAlerts };
}

/** listSilences returns the workspace's silences: those not yet over first (ending soonest first), then the 100 latest over. */
export async function listSilences(scope: WorkspaceScope, options: { state?: SilenceState[] } = {}): Promise<Silence[]> {
  const now = new Date();
  const [current, expired] = await Promise.all([
    db().silence.findMany({ where: { workspaceId: scope.workspaceId, endsAt: { gt: now } }, orderBy: [{ endsAt: 'asc' }, { id: 'asc' }] }),
    db().silence.findMany({ where: { workspaceId: scope.workspaceId, endsAt: { lte: now } }, orderBy: [{ endsAt: 'desc' }, { id: 'desc' }], take: 100 }),
  ]);
  const all = [...current, ...expired];
  return options.state?.length ? all.filter((silence) => options.state!.includes(silenceState(silence, now))) : all;
}

/** heldAlertCounts counts, per silence of the workspace, the open alerts it holds back now. */
export async function heldAlertCounts(scope: WorkspaceScope, silenceIds: string[]): Promise<Map<string, number>> {
  if (silenceIds.length === 0) return new Map();
  const groups = await db().alert.groupBy({
    by: ['silenceId'],
    where: { workspaceId: scope.workspaceId, silenceId: { in: silenceIds }, silenced: true, status: { not: 'resolved' } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.silenceId!, group._count._all]));
}
