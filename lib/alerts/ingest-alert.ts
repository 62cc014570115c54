// Accepting an alert: route it, then store it with its delivery jobs and activity in one statement (one
// transaction, shared with the other alerts of the same moment: see store-alerts.ts) before the caller gets its
// 202. A trigger whose dedup key matches an open alert bumps that alert's occurrences and marks its posted
// messages for an update instead of posting again.
import { timeOrderedId } from '../ids';
import type { WorkspaceScope } from '../auth/workspace-scope';
import type { AlertInput, AlertTriggerInput } from '../schemas/alert';
import { onCallForPolicy } from '../escalation/escalation';
import { actorOf, viaOf } from './actor';
import { changeAlertStatusByDedupKey } from './lifecycle';
import { routeAlert } from './plan-deliveries';
import { routingConfig } from './routing-config';
import { findSilence } from '../silences/match-silence';
import { storeAlert, type StoredAlert } from './store-alerts';

/** IngestResult is the API's answer to an accepted alert. */
export type IngestResult = StoredAlert;

async function trigger(scope: WorkspaceScope, input: AlertTriggerInput): Promise<IngestResult> {
  const config = await routingConfig(scope.workspaceId);
  const plan = routeAlert(input, config);
  // A silenced alert is stored with its routes but no deliveries; the silence's end posts it if still open.
  const silence = config.silences.length > 0 ? findSilence(input, config.silences, new Date()) : null;
  const id = timeOrderedId();
  const actor = actorOf(scope);
  // A silenced alert pages nobody: a silence is there to keep people from being notified.
  const escalationPolicyId = silence ? null : (plan.routes.find((route) => route.escalationPolicyId)?.escalationPolicyId ?? null);
  return storeAlert({
    id,
    workspaceId: scope.workspaceId,
    eventType: input.eventType,
    severity: input.severity,
    title: input.title,
    description: input.description ?? null,
    fields: JSON.stringify(input.fields),
    links: JSON.stringify(input.links),
    source: input.source ?? null,
    dedupKey: input.dedupKey ?? id,
    routed: plan.routed,
    routeIds: plan.routeIds,
    escalationPolicyId,
    onCallUserId: escalationPolicyId ? await onCallForPolicy(scope.workspaceId, escalationPolicyId) : null,
    autoResolveMinutes: plan.routes.find((route) => route.autoResolveMinutes)?.autoResolveMinutes ?? null,
    occurredAt: input.occurredAt ?? new Date(),
    deliveries: silence ? [] : plan.deliveries,
    silenceId: silence?.id ?? null,
    groupKey: input.groupKey ?? null,
    activityId: timeOrderedId(),
    actor: { type: actor.type, id: actor.id, name: actor.name, via: viaOf(scope) },
  });
}

/** ingestAlert accepts one alert for the scoped workspace: a trigger, or an acknowledge/resolve by dedup key. */
export async function ingestAlert(scope: WorkspaceScope, input: AlertInput): Promise<IngestResult> {
  if (input.action === 'trigger') return trigger(scope, input);
  const alert = await changeAlertStatusByDedupKey(scope, input.dedupKey, input.action);
  return { id: alert.id, status: alert.status, dedupKey: alert.dedupKey, created: false, occurrences: alert.occurrences };
}
