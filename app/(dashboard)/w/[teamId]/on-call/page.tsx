import type { Metadata } from 'next';
import { ActionForm, ConfirmButton, DeleteButton, type FieldSpec } from '@/app/(dashboard)/components/action-form';
import { CopyButton } from '@/app/(dashboard)/components/copy-button';
import { When } from '@/app/(dashboard)/components/when';
import { memberNames } from '@/lib/auth/members';
import { formatUtcDateTime } from '@/lib/blocks/slack-date';
import { calendarUrl } from '@/lib/oncall/calendar-feed';
import { timeline, whoIsOnCall, type Rotation } from '@/lib/oncall/on-call';
import { listSchedules, specOf } from '@/lib/oncall/schedules';
import { dashboardContext } from '../dashboard-context';
import { addOverrideAction, createScheduleAction, deleteScheduleAction, removeFromScheduleAction, saveRotationAction, setUserGroupAction } from './actions';

export const metadata: Metadata = { title: 'On call — Klaxon' };

const DAYS = 14;
const DAY = 86_400_000;
const ZONES = ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'];

// The fields of a rotation, filled with an existing one's values (editing) or the defaults (a new one).
function rotationFields(today: string, rotation?: Rotation): FieldSpec[] {
  return [
    { name: 'kind', label: 'Rotation', type: 'select', defaultValue: rotation?.kind ?? 'weekly', options: [{ value: 'weekly', label: 'Weekly' }, { value: 'daily', label: 'Daily' }, { value: 'hourly', label: 'Every N hours' }] },
    { name: 'every_hours', label: 'Every N hours', type: 'number', placeholder: '12', defaultValue: rotation?.everyHours ? String(rotation.everyHours) : '', help: 'For “every N hours” only.' },
    { name: 'start_date', label: 'First hand-off (date)', type: 'date', defaultValue: rotation?.startDate ?? today, help: 'Weekly hand-offs fall on this weekday.' },
    { name: 'handoff_time', label: 'Hand-off time', type: 'time', defaultValue: rotation?.handoffTime ?? '09:00' },
    { name: 'time_zone', label: 'Time zone', defaultValue: rotation?.timeZone ?? 'UTC', list: 'time-zones' },
    { name: 'participants', label: 'Participants (Slack user ids, in turn order)', placeholder: 'U0123ADA, U0123BOB', defaultValue: rotation?.participants.join(', ') ?? '' },
  ];
}

const USER_GROUP_HELP = 'Klaxon keeps its members equal to who is on call, at each hand-off.';
const USER_GROUP_FIELD: FieldSpec = { name: 'user_group_id', label: 'Slack user group id (optional)', placeholder: 'S0123ABCD', help: USER_GROUP_HELP };

const describeRotation = (rotation: Rotation) => (rotation.kind === 'hourly' ? `Every ${rotation.everyHours} hours` : rotation.kind === 'daily' ? 'Daily' : 'Weekly');

// A stable, readable colour per person.
function colourOf(user: string): string {
  let hash = 0;
  for (const char of user) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 65% 82%)`;
}

export default async function OnCallPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const admin = scope.role === 'admin';
  const schedules = await listSchedules(scope);
  const names = await memberNames(
    teamId,
    schedules.flatMap((schedule) => {
      const spec = specOf(schedule);
      return [...spec.rotations.flatMap((rotation) => rotation.participants), ...spec.overrides.map((override) => override.user)];
    }),
  );
  const nameOf = (user: string | null) => (user ? (names.get(user) ?? user) : 'nobody');
  const now = new Date();
  const start = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const end = new Date(start.getTime() + DAYS * DAY);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <h1>On call</h1>
      <p className="lead">
        Who is paged when an alert escalates. Rotations hand off at a local time in their own time zone (right across daylight-saving changes);
        overrides put someone on call for a while, above every rotation. A later rotation (layer) wins over an earlier one where both have someone.
      </p>
      {!admin && <p className="notice">You are a viewer: only workspace admins can change schedules.</p>}
      {admin && (
        <ActionForm
          action={createScheduleAction.bind(null, teamId)}
          id="schedule"
          title="Create a schedule"
          submit="Create schedule"
          fields={[{ name: 'name', label: 'Name', placeholder: 'e.g. Payments primary' }, ...rotationFields(today), USER_GROUP_FIELD]}
        />
      )}
      <datalist id="time-zones">
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {schedules.length === 0 && (
        <section className="card">
          <p>No schedules yet.</p>
        </section>
      )}
      {schedules.map((schedule) => {
        const spec = specOf(schedule);
        const current = whoIsOnCall(spec, now);
        const segments = timeline(spec, start, end);
        return (
          <section key={schedule.id} className="card schedule-card" data-testid="schedule" aria-labelledby={`schedule-${schedule.id}`}>
            <div className="card-head">
              <h2 id={`schedule-${schedule.id}`}>{schedule.name}</h2>
              {admin && <DeleteButton action={deleteScheduleAction.bind(null, teamId, schedule.id)} name={schedule.name} what="schedule" />}
            </div>
            {schedule.userGroupId && (
              <p className="muted small" data-testid="user-group">
                Slack user group <code>{schedule.userGroupId}</code> follows who is on call.
              </p>
            )}
            <p data-testid="on-call-now">
              On call now: <strong>{nameOf(current.user)}</strong>
              {current.until && (
                <>
                  {' '}
                  until <When date={current.until} />, then <strong>{nameOf(current.next?.user ?? null)}</strong>
                </>
              )}
            </p>
            <div className="shift-timeline" role="img" aria-label={`Who is on call over the next ${DAYS} days`} data-testid="timeline">
              {segments.map((segment) => (
                <div
                  key={segment.start.toISOString()}
                  className={segment.user ? 'timeline-segment' : 'timeline-segment nobody'}
                  style={{ flexGrow: segment.end.getTime() - segment.start.getTime(), flexBasis: 0, ...(segment.user ? { background: colourOf(segment.user) } : {}) }}
                  title={`${nameOf(segment.user)}: ${formatUtcDateTime(segment.start)} – ${formatUtcDateTime(segment.end)}`}
                >
                  {nameOf(segment.user)}
                </div>
              ))}
            </div>
            <div className="timeline-days" aria-hidden="true">
              {Array.from({ length: DAYS / 2 + 1 }, (_, i) => (
                <span key={i}>{new Date(start.getTime() + i * 2 * DAY).toISOString().slice(5, 10)}</span>
              ))}
            </div>
            <ul className="steps">
              {spec.rotations.map((rotation, index) => (
                <li key={`rotation-${index}`} data-testid="rotation">
                  Layer {index + 1}: {describeRotation(rotation)} from {rotation.startDate} at {rotation.handoffTime} ({rotation.timeZone}):{' '}
                  {rotation.participants.map(nameOf).join(' → ')}
                  {rotation.restrict && ` · only ${rotation.restrict.days.join(', ')} ${rotation.restrict.from}–${rotation.restrict.to}`}
                  {admin && (
                    <details className="edit-rotation">
                      <summary>Edit layer {index + 1}</summary>
                      <ActionForm
                        action={saveRotationAction.bind(null, teamId, schedule.id, index)}
                        id={`rotation-${schedule.id}-${index}`}
                        className="form"
                        submit={`Save layer ${index + 1}`}
                        fields={rotationFields(today, rotation)}
                      />
                      <ConfirmButton
                        action={removeFromScheduleAction.bind(null, teamId, schedule.id, 'rotations', index)}
                        confirm={`Remove layer ${index + 1} of “${schedule.name}”?`}
                        label="Remove layer"
                        pendingLabel="Removing…"
                        ariaLabel={`Remove layer ${index + 1}`}
                      />
                    </details>
                  )}
                </li>
              ))}
              {spec.overrides.map((override, index) => (
                <li key={`${override.user}-${override.start.toISOString()}`} data-testid="override">
                  Override: {nameOf(override.user)} from <When date={override.start} /> to <When date={override.end} />{' '}
                  {admin && (
                    <ConfirmButton
                      action={removeFromScheduleAction.bind(null, teamId, schedule.id, 'overrides', index)}
                      confirm={`Remove the override of ${nameOf(override.user)}?`}
                      label="Remove"
                      pendingLabel="Removing…"
                      ariaLabel={`Remove the override of ${nameOf(override.user)}`}
                    />
                  )}
                </li>
              ))}
            </ul>
            {admin && (
              <details className="add-rotation">
                <summary>Add a layer</summary>
                <ActionForm
                  action={saveRotationAction.bind(null, teamId, schedule.id, null)}
                  id={`rotation-${schedule.id}-new`}
                  className="form"
                  submit="Add layer"
                  fields={rotationFields(today)}
                />
              </details>
            )}
            {admin && (
              <ActionForm
                action={setUserGroupAction.bind(null, teamId, schedule.id)}
                id={`user-group-${schedule.id}`}
                className="form"
                submit="Save user group"
                fields={[{ ...USER_GROUP_FIELD, defaultValue: schedule.userGroupId ?? '', help: `${USER_GROUP_HELP} Empty: none.` }]}
              />
            )}
            {admin && (
              <p className="muted small">
                Shifts in your calendar: subscribe to this schedule&apos;s secret feed. <CopyButton text={calendarUrl(schedule.id)} label="Copy calendar URL" />
              </p>
            )}
            {admin && (
              <ActionForm
                action={addOverrideAction.bind(null, teamId, schedule.id)}
                id={`override-${schedule.id}`}
                className="form"
                submit="Add override"
                fields={[
                  { name: 'user', label: 'Who (Slack user id)', placeholder: 'U0123CY' },
                  { name: 'start', label: 'From (UTC)', type: 'datetime-local' },
                  { name: 'end', label: 'To (UTC)', type: 'datetime-local' },
                ]}
              />
            )}
          </section>
        );
      })}
    </>
  );
}
