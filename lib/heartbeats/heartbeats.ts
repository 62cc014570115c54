// Heartbeats (dead-man's switches): a job pings its secret URL at least every interval; each ping pushes the
// heartbeat's pending check (a timed job) to interval + grace from now. When the check comes due with no ping
// since, an alert is raised (`heartbeat.missed` by default, routed like any alert, one open alert per
// heartbeat by its dedup key); the next ping resolves it.
import { randomBytes } from 'node:crypto';
import { ingestAlert } from '../alerts/ingest-alert';
import { changeAlertStatusByDedupKey } from '../alerts/lifecycle';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { formatUtcDateTime } from '../blocks/slack-date';
import { sha256Hex } from '../crypto/hmac';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { Prisma, type Heartbeat } from '../generated/prisma/client';
import { log } from '../log';
import type { Tx } from '../outbox/deliveries';
import { rescheduleJob, scheduleJob } from '../outbox/jobs';
import type { HeartbeatInput, HeartbeatPatch } from '../schemas/heartbeat';

/** HEARTBEAT_CHECK_JOB is the timed job that checks a heartbeat (lib/outbox/handlers/heartbeat-check.ts). */
export const HEARTBEAT_CHECK_JOB = 'heartbeat-check';

const TOKEN_PREFIX = 'hb_';
const checkKey = (id: string, seq: number) => `${HEARTBEAT_CHECK_JOB}:${id}:${seq}`;
const dedupKeyOf = (heartbeat: Pick<Heartbeat, 'id'>) => `heartbeat:${heartbeat.id}`;

/** pingUrl is the URL a heartbeat's job calls (GET or POST). */
export const pingUrl = (token: string) => `${env().appUrl}/api/v1/heartbeats/${token}/ping`;

function dueAt(heartbeat: Pick<Heartbeat, 'lastPingAt' | 'intervalSeconds' | 'graceSeconds'>): Date | null {
  return heartbeat.lastPingAt ? new Date(heartbeat.lastPingAt.getTime() + (heartbeat.intervalSeconds + heartbeat.graceSeconds) * 1000) : null;
}

/** heartbeatJson renders a heartbeat in the API's shape; the token and ping URL only when just created. */
export function heartbeatJson(heartbeat: Heartbeat, token?: string) {
  return {
    id: heartbeat.id,
    name: heartbeat.name,
    interval_seconds: heartbeat.intervalSeconds,
    grace_seconds: heartbeat.graceSeconds,
    event_type: heartbeat.eventType,
    severity: heartbeat.severity,
    status: heartbeat.down ? ('down' as const) : heartbeat.lastPingAt ? ('up' as const) : ('new' as const),
    last_ping_at: heartbeat.lastPingAt,
    next_due_at: dueAt(heartbeat),
    token_prefix: heartbeat.tokenPrefix,
    ...(token ? { token, ping_url: pingUrl(token) } : {}),
    created_at: heartbeat.createdAt,
    updated_at: heartbeat.updatedAt,
  };
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new AppError('conflict', 'A heartbeat with this name exists.', [{ field: 'name', message: 'is taken' }]);
  }
  throw error;
}

/** listHeartbeats returns the workspace's heartbeats by name. */
export function listHeartbeats(scope: Pick<WorkspaceScope, 'workspaceId'>): Promise<Heartbeat[]> {
  return db().heartbeat.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** getHeartbeat returns one heartbeat of the workspace (404 for another workspace's). */
export async function getHeartbeat(scope: Pick<WorkspaceScope, 'workspaceId'>, id: string): Promise<Heartbeat> {
  const heartbeat = await db().heartbeat.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!heartbeat) throw new AppError('not_found', 'No such heartbeat.');
  return heartbeat;
}

/** createHeartbeat adds a heartbeat (admins only) and returns it with its secret token, shown this once. */
export async function createHeartbeat(scope: WorkspaceScope, input: HeartbeatInput): Promise<{ heartbeat: Heartbeat; token: string }> {
  assertAdmin(scope);
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
  const heartbeat = await db()
    .heartbeat.create({
      data: {
        workspaceId: scope.workspaceId,
        name: input.name,
        tokenHash: sha256Hex(token),
        tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
        intervalSeconds: input.interval_seconds,
        graceSeconds: input.grace_seconds,
        eventType: input.event_type,
        severity: input.severity,
      },
    })
    .catch(nameTaken);
  return { heartbeat, token };
}

/** updateHeartbeat changes the given fields (admins only); a new interval counts from the last ping. */
export async function updateHeartbeat(scope: WorkspaceScope, id: string, patch: HeartbeatPatch): Promise<Heartbeat> {
  assertAdmin(scope);
  await getHeartbeat(scope, id);
  return db().$transaction(async (tx) => {
    const heartbeat = await tx.heartbeat
      .update({
        where: { id },
        data: { name: patch.name, intervalSeconds: patch.interval_seconds, graceSeconds: patch.grace_seconds, eventType: patch.event_type, severity: patch.severity },
      })
      .catch(nameTaken);
    const due = dueAt(heartbeat);
    if (due && !heartbeat.down) await moveCheck(tx, heartbeat, due);
    return heartbeat;
  });
}

/** deleteHeartbeat removes a heartbeat (admins only); its pending check finds nothing to do. */
export async function deleteHeartbeat(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  await getHeartbeat(scope, id);
  await db().heartbeat.delete({ where: { id } });
}

// Moves the pending check to `at`; once that check has run, the next one gets a new number.
async function moveCheck(tx: Tx, heartbeat: Heartbeat, at: Date): Promise<void> {
  const job = (seq: number) => ({ kind: HEARTBEAT_CHECK_JOB, key: checkKey(heartbeat.id, seq), runAt: at, workspaceId: heartbeat.workspaceId, payload: { seq } });
  if (await rescheduleJob(tx, job(heartbeat.checkSeq))) return;
  const seq = heartbeat.checkSeq + 1;
  await tx.heartbeat.update({ where: { id: heartbeat.id }, data: { checkSeq: seq } });
  await scheduleJob(tx, job(seq));
}

// The heartbeat acts in its workspace as a key of its own would: the alert's activity names it.
const heartbeatScope = (heartbeat: Heartbeat): WorkspaceScope => ({
  workspaceId: heartbeat.workspaceId,
  role: 'admin',
  actor: { type: 'api_key', id: `heartbeat:${heartbeat.id}`, name: `Heartbeat ${heartbeat.name}` },
});

/** pingHeartbeat records a ping by token: the check moves to interval + grace from now, and a missed heartbeat's alert is resolved. */
export async function pingHeartbeat(token: string): Promise<Heartbeat> {
  const found = await db().heartbeat.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { id: true } });
  if (!found) throw new AppError('not_found', 'No heartbeat has this token.');
  const { heartbeat, wasDown } = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM heartbeats WHERE id = ${found.id} FOR UPDATE`;
    const before = await tx.heartbeat.findUniqueOrThrow({ where: { id: found.id } });
    const pinged = await tx.heartbeat.update({ where: { id: found.id }, data: { lastPingAt: new Date(), down: false } });
    await moveCheck(tx, pinged, dueAt(pinged)!);
    return { heartbeat: pinged, wasDown: before.down };
  });
  if (wasDown) {
    await changeAlertStatusByDedupKey(heartbeatScope(heartbeat), dedupKeyOf(heartbeat), 'resolve').catch((error: unknown) => {
      // Someone may have resolved it by hand already.
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    });
  }
  return heartbeat;
}

/**
 * checkHeartbeat runs a heartbeat's check `seq` in the job's transaction: a ping since then (or a newer check)
 * makes it stale; late, the heartbeat is down and an alert is raised.
 */
export async function checkHeartbeat(tx: Tx, heartbeatId: string, seq: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM heartbeats WHERE id = ${heartbeatId} FOR UPDATE`;
  const heartbeat = await tx.heartbeat.findUnique({ where: { id: heartbeatId } });
  if (!heartbeat || heartbeat.checkSeq !== seq || heartbeat.down) return;
  const due = dueAt(heartbeat);
  if (!due) return;
  if (due > new Date()) {
    // A ping came in after this check was claimed: check again when that ping is due.
    await tx.heartbeat.update({ where: { id: heartbeatId }, data: { checkSeq: seq + 1 } });
    await scheduleJob(tx, { kind: HEARTBEAT_CHECK_JOB, key: checkKey(heartbeatId, seq + 1), runAt: due, workspaceId: heartbeat.workspaceId, payload: { seq: seq + 1 } });
    return;
  }
  await tx.heartbeat.update({ where: { id: heartbeatId }, data: { down: true, checkSeq: seq + 1 } });
  // Stored by the intake's own statement (outside this transaction); its dedup key makes a retry bump the same alert.
  const alert = await ingestAlert(heartbeatScope(heartbeat), {
    action: 'trigger',
    eventType: heartbeat.eventType,
    severity: heartbeat.severity,
    title: `Heartbeat ${heartbeat.name} missed`,
    description: `No ping since ${formatUtcDateTime(heartbeat.lastPingAt!)}; expected every ${heartbeat.intervalSeconds} s (grace ${heartbeat.graceSeconds} s). The next ping resolves this alert.`,
    dedupKey: dedupKeyOf(heartbeat),
    source: 'klaxon-heartbeat',
    fields: { heartbeat: heartbeat.name, interval_seconds: heartbeat.intervalSeconds, grace_seconds: heartbeat.graceSeconds },
    links: [],
  });
  log().info({ heartbeat: heartbeatId, alert: alert.id }, 'Heartbeat missed: alert raised');
}
