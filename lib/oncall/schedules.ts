// On-call schedules of a workspace: CRUD (admins; every query scoped by workspace), and who is on call for
// one of them. The rotations and overrides are stored as JSON in the domain's shapes (./on-call.ts).
import { memberNames } from '../auth/members';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma, type Schedule } from '../generated/prisma/client';
import type { Tx } from '../outbox/deliveries';
import { scheduleJob } from '../outbox/jobs';
import type { ScheduleInput, SchedulePatch } from '../schemas/schedule';
import { calendarUrl, isCalendarToken, renderCalendar } from './calendar-feed';
import { timeline, whoIsOnCall, type OnCallNow, type Override, type Rotation, type ScheduleSpec, type Segment } from './on-call';

/** specOf reads a stored schedule into what on-call computation needs. */
export function specOf(schedule: Pick<Schedule, 'rotations' | 'overrides'>): ScheduleSpec {
  const overrides = (schedule.overrides as unknown as Array<{ user: string; start: string; end: string }>).map(
    (override): Override => ({ user: override.user, start: new Date(override.start), end: new Date(override.end) }),
  );
  return { rotations: schedule.rotations as unknown as Rotation[], overrides };
}

/** rotationJson renders a rotation in the API's shape (snake_case), as the schemas read it back. */
export function rotationJson(rotation: Rotation) {
  return {
    ...(rotation.name ? { name: rotation.name } : {}),
    kind: rotation.kind,
    ...(rotation.everyHours ? { every_hours: rotation.everyHours } : {}),
    start_date: rotation.startDate,
    handoff_time: rotation.handoffTime,
    time_zone: rotation.timeZone,
    participants: rotation.participants,
    ...(rotation.restrict ? { restrict: rotation.restrict } : {}),
    ...(rotation.endDate ? { end_date: rotation.endDate } : {}),
  };
}

/** USER_GROUP_SYNC_JOB is the timed job that sets a schedule's user group (lib/outbox/handlers/user-group-sync.ts). */
export const USER_GROUP_SYNC_JOB = 'oncall-user-group';

/** UserGroupSync is the job's payload: the schedule and the version (updated_at) it was planned from. */
export interface UserGroupSync {
  scheduleId: string;
  version: string;
}

/** scheduleUserGroupSync plans the sync of a schedule's user group at `at` (now: after an edit); none without a group. */
export async function scheduleUserGroupSync(tx: Tx, schedule: Pick<Schedule, 'id' | 'workspaceId' | 'userGroupId' | 'updatedAt'>, at = new Date()): Promise<void> {
  if (!schedule.userGroupId) return;
  const version = schedule.updatedAt.toISOString();
  await scheduleJob(tx, {
    kind: USER_GROUP_SYNC_JOB,
    key: `${USER_GROUP_SYNC_JOB}:${schedule.id}:${version}:${at.toISOString()}`,
    runAt: at,
    workspaceId: schedule.workspaceId,
    payload: { scheduleId: schedule.id, version },
  });
}

/** onCallJson renders who is on call in the API's shape. */
export function onCallJson(now: OnCallNow) {
  return { user: now.user, until: now.until, next: now.next ? { user: now.next.user, at: now.next.at } : null };
}

/** scheduleJson renders a schedule in the API's shape, with who is on call at `at`. */
export function scheduleJson(schedule: Schedule, at = new Date()) {
  const spec = specOf(schedule);
  return {
    id: schedule.id,
    name: schedule.name,
    rotations: spec.rotations.map(rotationJson),
    overrides: spec.overrides,
    on_call: onCallJson(whoIsOnCall(spec, at)),
    user_group_id: schedule.userGroupId,
    calendar_url: calendarUrl(schedule.id),
    created_at: schedule.createdAt,
    updated_at: schedule.updatedAt,
  };
}

const stored = (input: { rotations?: Rotation[]; overrides?: Override[]; user_group_id?: string | null }) => ({
  ...(input.rotations ? { rotations: input.rotations as unknown as Prisma.InputJsonValue } : {}),
  ...(input.user_group_id !== undefined ? { userGroupId: input.user_group_id } : {}),
  ...(input.overrides ? { overrides: input.overrides.map((o) => ({ user: o.user, start: o.start.toISOString(), end: o.end.toISOString() })) } : {}),
});

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new AppError('conflict', 'A schedule with this name exists.', [{ field: 'name', message: 'is taken' }]);
  }
  throw error;
}

/** listSchedules returns the workspace's schedules by name. */
export function listSchedules(scope: Pick<WorkspaceScope, 'workspaceId'>): Promise<Schedule[]> {
  return db().schedule.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** getSchedule returns one schedule of the workspace (404 for another workspace's). */
export async function getSchedule(scope: Pick<WorkspaceScope, 'workspaceId'>, id: string): Promise<Schedule> {
  const schedule = await db().schedule.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!schedule) throw new AppError('not_found', 'No such schedule.');
  return schedule;
}

/** createSchedule adds a schedule (admins only; 409 when the name is taken), its user group set at once if it has one. */
export async function createSchedule(scope: WorkspaceScope, input: ScheduleInput): Promise<Schedule> {
  assertAdmin(scope);
  return db()
    .$transaction(async (tx) => {
      const schedule = await tx.schedule.create({ data: { workspaceId: scope.workspaceId, name: input.name, ...stored(input) } });
      await scheduleUserGroupSync(tx, schedule);
      return schedule;
    })
    .catch(nameTaken);
}

/** updateSchedule replaces the given fields of a schedule (admins only). */
export async function updateSchedule(scope: WorkspaceScope, id: string, patch: SchedulePatch): Promise<Schedule> {
  assertAdmin(scope);
  await getSchedule(scope, id);
  // Any change may change who is on call (or the group): the group is set again at once, a new chain of syncs.
  return db()
    .$transaction(async (tx) => {
      const schedule = await tx.schedule.update({ where: { id }, data: { name: patch.name, ...stored(patch) } });
      await scheduleUserGroupSync(tx, schedule);
      return schedule;
    })
    .catch(nameTaken);
}

/** removeFromSchedule removes one rotation or override (by its position) from a schedule (admins only). */
export async function removeFromSchedule(scope: WorkspaceScope, id: string, what: 'rotations' | 'overrides', index: number): Promise<Schedule> {
  const spec = specOf(await getSchedule(scope, id));
  if (!Number.isInteger(index) || index < 0 || index >= spec[what].length) throw new AppError('not_found', `No such ${what === 'rotations' ? 'rotation' : 'override'}.`);
  return what === 'rotations'
    ? updateSchedule(scope, id, { rotations: spec.rotations.filter((_, i) => i !== index) })
    : updateSchedule(scope, id, { overrides: spec.overrides.filter((_, i) => i !== index) });
}

/** deleteSchedule removes a schedule (admins only); 409 while an escalation policy pages it. */
export async function deleteSchedule(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  await getSchedule(scope, id);
  const users = await db().$queryRaw<Array<{ name: string }>>`
    SELECT name FROM escalation_policies
    WHERE workspace_id = ${scope.workspaceId} AND steps @> ${JSON.stringify([{ targets: [{ type: 'schedule', id }] }])}::jsonb`;
  if (users.length > 0) throw new AppError('conflict', `Escalation policy "${users[0]!.name}" pages this schedule; change it first.`);
  await db().schedule.delete({ where: { id } });
}

/** ScheduleOnCall is who is on call for a schedule at an instant, and its timeline from then. */
export interface ScheduleOnCall {
  schedule: Schedule;
  now: OnCallNow;
  timeline: Segment[];
}

/** scheduleOnCall says who is on call for a schedule at `at` and the timeline of the `days` after. */
export async function scheduleOnCall(scope: Pick<WorkspaceScope, 'workspaceId'>, id: string, at: Date, days: number): Promise<ScheduleOnCall> {
  const schedule = await getSchedule(scope, id);
  const spec = specOf(schedule);
  return { schedule, now: whoIsOnCall(spec, at), timeline: timeline(spec, at, new Date(at.getTime() + days * 86_400_000)) };
}

const CALENDAR_DAYS = 60;

/** scheduleCalendar renders a schedule's next 60 days of shifts as iCalendar, for the holder of its feed token (else 404). */
export async function scheduleCalendar(scheduleId: string, token: string): Promise<string> {
  // The same answer for a wrong token as for no schedule: the URL is the secret.
  const schedule = isCalendarToken(scheduleId, token) ? await db().schedule.findUnique({ where: { id: scheduleId } }) : null;
  if (!schedule) throw new AppError('not_found', 'No such calendar.');
  const from = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  const segments = timeline(specOf(schedule), from, new Date(from.getTime() + CALENDAR_DAYS * 86_400_000));
  const names = await memberNames(schedule.workspaceId, segments.flatMap((segment) => (segment.user ? [segment.user] : [])));
  return renderCalendar(schedule, segments, (user) => names.get(user) ?? user);
}
