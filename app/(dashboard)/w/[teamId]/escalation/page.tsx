import type { Metadata } from 'next';
import { ActionForm, DeleteButton, type FieldSpec } from '@/app/(dashboard)/components/action-form';
import { memberNames } from '@/lib/auth/members';
import { channelNames } from '@/lib/channels/channel-names';
import { db } from '@/lib/db';
import { listEscalationPolicies, stepsOf } from '@/lib/escalation/policies';
import { MAX_FORM_STEPS, stepRows, type StepRow } from '@/lib/escalation/policy-form';
import { listSchedules } from '@/lib/oncall/schedules';
import type { EscalationTarget } from '@/lib/schemas/escalation-policy';
import { dashboardContext } from '../dashboard-context';
import { createPolicyAction, deletePolicyAction, updatePolicyAction } from './actions';

export const metadata: Metadata = { title: 'Escalation — Klaxon' };

const TARGET_TYPES = [
  { value: 'schedule', label: 'On call of a schedule' },
  { value: 'user', label: 'A user' },
  { value: 'user_group', label: 'A user group' },
  { value: 'channel', label: 'A channel' },
  { value: 'here', label: '@here in the alert’s channel' },
];

// The rows of a policy form, filled with a policy's steps (editing) or the defaults (a new policy).
const stepFields = (rows: StepRow[]): FieldSpec[] =>
  rows.flatMap((row, i) => [
    { name: `step${i}_after`, label: `Step ${i + 1}: after (minutes)`, type: 'number' as const, placeholder: i === 0 ? '5' : 'leave empty for none', defaultValue: row.after },
    { name: `step${i}_type`, label: `Step ${i + 1}: notify`, type: 'select' as const, options: TARGET_TYPES, defaultValue: row.type },
    { name: `step${i}_target`, label: `Step ${i + 1}: whom`, placeholder: 'schedule id, U…, S… or C…', list: 'schedule-ids', defaultValue: row.target },
  ]);
const NEW_POLICY_ROWS: StepRow[] = Array.from({ length: MAX_FORM_STEPS }, (_, i) => ({ after: i === 0 ? '5' : '', type: 'schedule', target: '' }));

export default async function EscalationPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const admin = scope.role === 'admin';
  const [policies, schedules, routes] = await Promise.all([
    listEscalationPolicies(scope),
    listSchedules(scope),
    db().route.findMany({ where: { workspaceId: teamId, escalationPolicyId: { not: null } }, select: { name: true, escalationPolicyId: true } }),
  ]);
  const scheduleNames = new Map(schedules.map((schedule) => [schedule.id, schedule.name]));
  const targets = policies.flatMap((policy) => stepsOf(policy).flatMap((step) => step.targets));
  const [people, channels] = await Promise.all([
    memberNames(teamId, targets.flatMap((target) => (target.type === 'user' ? [target.id] : []))),
    channelNames(scope, targets.flatMap((target) => (target.type === 'channel' ? [target.id] : []))),
  ]);
  const describe = (target: EscalationTarget) => {
    switch (target.type) {
      case 'here':
        return '@here';
      case 'schedule':
        return `on call of ${scheduleNames.get(target.id) ?? 'a deleted schedule'}`;
      case 'user':
        return `@${people.get(target.id) ?? target.id}`;
      case 'channel':
        return `#${channels.get(target.id) ?? target.id}`;
      case 'user_group':
        return `user group ${target.id}`;
    }
  };
  return (
    <>
      <h1>Escalation</h1>
      <p className="lead">
        While an alert stays unacknowledged, its route’s policy pages people step by step: a DM to each person and a mention in the alert’s thread.
        Acknowledge, resolve or snooze stops it; reopening starts it over. A route picks its policy (<code>escalation_policy_id</code>).
      </p>
      {!admin && <p className="notice">You are a viewer: only workspace admins can change escalation policies.</p>}
      {admin && (
        <ActionForm
          action={createPolicyAction.bind(null, teamId)}
          id="policy"
          title="Create an escalation policy"
          submit="Create policy"
          columns={3}
          fields={[{ name: 'name', label: 'Name', placeholder: 'e.g. Payments', wide: true }, { name: 'repeat', label: 'Repeat the whole policy (times)', type: 'number', defaultValue: '0' }, ...stepFields(NEW_POLICY_ROWS)]}
        />
      )}
      <datalist id="schedule-ids">
        {schedules.map((schedule) => (
          <option key={schedule.id} value={schedule.id}>
            {schedule.name}
          </option>
        ))}
      </datalist>
      {policies.length === 0 && (
        <section className="card">
          <p>No escalation policies yet.</p>
        </section>
      )}
      {policies.map((policy) => {
        const usedBy = routes.filter((route) => route.escalationPolicyId === policy.id).map((route) => route.name);
        const rows = stepRows(stepsOf(policy));
        return (
          <section key={policy.id} className="card policy-card" data-testid="policy" aria-labelledby={`policy-${policy.id}`}>
            <div className="card-head">
              <h2 id={`policy-${policy.id}`}>{policy.name}</h2>
              {admin && <DeleteButton action={deletePolicyAction.bind(null, teamId, policy.id)} name={policy.name} what="escalation policy" />}
            </div>
            <ol className="steps">
              {stepsOf(policy).map((step, index) => (
                <li key={index}>
                  After {step.afterMinutes} min unacknowledged: notify {step.targets.map(describe).join(', ')}
                </li>
              ))}
            </ol>
            <p className="muted">
              {policy.repeat > 0 ? `Then repeats ${policy.repeat} more time${policy.repeat > 1 ? 's' : ''}. ` : 'Runs once. '}
              {usedBy.length ? `Used by: ${usedBy.join(', ')}.` : 'No route uses it yet.'} <code>{policy.id}</code>
            </p>
            {admin && (
              <details className="edit-policy">
                <summary>Edit {policy.name}</summary>
                {rows ? (
                  <ActionForm
                    action={updatePolicyAction.bind(null, teamId, policy.id)}
                    id={`policy-${policy.id}-edit`}
                    className="form"
                    submit="Save policy"
                    columns={3}
                    fields={[
                      { name: 'name', label: 'Name', defaultValue: policy.name, wide: true },
                      { name: 'repeat', label: 'Repeat the whole policy (times)', type: 'number', defaultValue: String(policy.repeat) },
                      ...stepFields(rows),
                    ]}
                  />
                ) : (
                  <p className="muted">A step of this policy notifies several kinds of targets at once, which this form cannot show: change it through <code>/api/v1/escalation-policies</code>.</p>
                )}
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}
