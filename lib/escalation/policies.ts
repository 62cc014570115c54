// Escalation policies of a workspace: CRUD (admins; every query scoped by workspace). The steps are stored
// as JSON in the domain's shape; schedules and channels they name must be the workspace's own.
import { forgetRoutingConfig } from '../alerts/routing-config';
import { assertAdmin, type WorkspaceScope } from '../auth/workspace-scope';
import { findUnknownChannels } from '../channels/channel-cache';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma, type EscalationPolicy } from '../generated/prisma/client';
import type { EscalationPolicyInput, EscalationPolicyPatch, EscalationStep } from '../schemas/escalation-policy';
import { problemInWords } from '../schemas/format-zod-error';

/** stepsOf reads a stored policy's steps. */
export function stepsOf(policy: Pick<EscalationPolicy, 'steps'>): EscalationStep[] {
  return policy.steps as unknown as EscalationStep[];
}

/** escalationPolicyJson renders a policy in the API's shape. */
export function escalationPolicyJson(policy: EscalationPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    steps: stepsOf(policy).map((step) => ({ after_minutes: step.afterMinutes, targets: step.targets })),
    repeat: policy.repeat,
    created_at: policy.createdAt,
    updated_at: policy.updatedAt,
  };
}

async function assertTargets(scope: WorkspaceScope, steps: EscalationStep[] | undefined): Promise<void> {
  if (!steps) return;
  const targets = steps.flatMap((step, index) => step.targets.map((target, t) => ({ target, field: `steps.${index}.targets.${t}.id` })));
  const scheduleIds = targets.flatMap(({ target }) => (target.type === 'schedule' ? [target.id] : []));
  const known = new Set(
    (await db().schedule.findMany({ where: { workspaceId: scope.workspaceId, id: { in: scheduleIds } }, select: { id: true } })).map((s) => s.id),
  );
  const missing = targets.find(({ target }) => target.type === 'schedule' && !known.has(target.id));
  if (missing) throw new AppError('invalid_request', problemInWords({ field: missing.field, message: 'no such schedule' }), [{ field: missing.field, message: 'no such schedule' }]);
  const channels = targets.flatMap(({ target }) => (target.type === 'channel' ? [target.id] : []));
  const unknown = channels.length ? await findUnknownChannels(scope.workspaceId, channels) : [];
  if (unknown.length) {
    const field = targets.find(({ target }) => target.type === 'channel' && unknown.includes(target.id))!.field;
    throw new AppError('invalid_request', problemInWords({ field, message: `${unknown[0]} is not a channel of this workspace` }), [{ field, message: 'unknown channel' }]);
  }
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw new AppError('conflict', 'An escalation policy with this name exists.', [{ field: 'name', message: 'is taken' }]);
  }
  throw error;
}

/** listEscalationPolicies returns the workspace's policies by name. */
export function listEscalationPolicies(scope: Pick<WorkspaceScope, 'workspaceId'>): Promise<EscalationPolicy[]> {
  return db().escalationPolicy.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** getEscalationPolicy returns one policy of the workspace (404 for another workspace's). */
export async function getEscalationPolicy(scope: Pick<WorkspaceScope, 'workspaceId'>, id: string): Promise<EscalationPolicy> {
  const policy = await db().escalationPolicy.findFirst({ where: { id, workspaceId: scope.workspaceId } });
  if (!policy) throw new AppError('not_found', 'No such escalation policy.');
  return policy;
}

const storedSteps = (steps: EscalationStep[]) => steps as unknown as Prisma.InputJsonValue;

/** createEscalationPolicy adds a policy (admins only). */
export async function createEscalationPolicy(scope: WorkspaceScope, input: EscalationPolicyInput): Promise<EscalationPolicy> {
  assertAdmin(scope);
  await assertTargets(scope, input.steps);
  return db()
    .escalationPolicy.create({ data: { workspaceId: scope.workspaceId, name: input.name, steps: storedSteps(input.steps), repeat: input.repeat } })
    .catch(nameTaken);
}

/** updateEscalationPolicy changes the given fields; alerts already escalating follow the new steps from their next step. */
export async function updateEscalationPolicy(scope: WorkspaceScope, id: string, patch: EscalationPolicyPatch): Promise<EscalationPolicy> {
  assertAdmin(scope);
  await getEscalationPolicy(scope, id);
  await assertTargets(scope, patch.steps);
  return db()
    .escalationPolicy.update({ where: { id }, data: { name: patch.name, repeat: patch.repeat, ...(patch.steps ? { steps: storedSteps(patch.steps) } : {}) } })
    .catch(nameTaken);
}

/** deleteEscalationPolicy removes a policy (admins only); 409 while a route uses it. */
export async function deleteEscalationPolicy(scope: WorkspaceScope, id: string): Promise<void> {
  assertAdmin(scope);
  await getEscalationPolicy(scope, id);
  const route = await db().route.findFirst({ where: { workspaceId: scope.workspaceId, escalationPolicyId: id }, select: { name: true } });
  if (route) throw new AppError('conflict', `Route "${route.name}" uses this escalation policy; change it first.`);
  await db().escalationPolicy.delete({ where: { id } });
  forgetRoutingConfig(scope.workspaceId);
}

/** assertEscalationPolicy refuses a policy id that is not one of the workspace's (for routes). */
export async function assertEscalationPolicy(scope: Pick<WorkspaceScope, 'workspaceId'>, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const policy = await db().escalationPolicy.findFirst({ where: { id, workspaceId: scope.workspaceId }, select: { id: true } });
  if (!policy) throw new AppError('invalid_request', 'escalation_policy_id: no such escalation policy', [{ field: 'escalation_policy_id', message: 'no such escalation policy' }]);
}
