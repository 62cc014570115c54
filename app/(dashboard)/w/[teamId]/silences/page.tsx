import type { Metadata } from 'next';
import { ConfirmButton } from '@/app/(dashboard)/components/action-form';
import { When } from '@/app/(dashboard)/components/when';
import { DataTable } from '@/app/(dashboard)/components/data-table';
import { firstParam, type SearchParams } from '@/lib/schemas/read-search-params';
import type { FieldMatcher } from '@/lib/schemas/silence';
import { heldAlertCounts, listSilences, silenceState } from '@/lib/silences/silences';
import { dashboardContext } from '../dashboard-context';
import { listMaintenanceWindows, windowJson } from '@/lib/silences/maintenance-windows';
import { createSilenceAction, createWindowAction, deleteWindowAction, expireSilenceAction } from './actions';
import { CreateSilenceForm } from './create-silence-form';
import { CreateWindowForm } from './create-window-form';

export const metadata: Metadata = { title: 'Silences — Klaxon' };

const STATE_PILL = { active: 'pill pill-ok', pending: 'pill', expired: 'pill pill-muted' } as const;

function matchersOf(silence: { eventType: string | null; severities: string[]; source: string | null; fieldMatchers: unknown }): string[] {
  const fields = Array.isArray(silence.fieldMatchers) ? (silence.fieldMatchers as FieldMatcher[]) : [];
  return [
    ...(silence.eventType ? [`event_type = ${silence.eventType}`] : []),
    ...(silence.severities.length ? [`severity in ${silence.severities.join(', ')}`] : []),
    ...(silence.source ? [`source = ${silence.source}`] : []),
    ...fields.map((field) => `${field.name} ${field.op} ${field.value}`),
  ];
}

export default async function SilencesPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<SearchParams> }) {
  const { teamId } = await params;
  const search = await searchParams;
  const { scope } = await dashboardContext(teamId);
  const silences = await listSilences(scope);
  const windows = (await listMaintenanceWindows(scope)).map((window) => windowJson(window));
  const held = await heldAlertCounts(scope, silences.map((silence) => silence.id));
  const admin = scope.role === 'admin';
  const now = new Date();
  return (
    <>
      <h1>Silences</h1>
      <p className="lead">
        A silence holds back the Slack posts of matching new alerts for a while. They are still stored and listed under{' '}
        <a href={`/w/${teamId}/alerts?silenced=true`}>Alerts</a>, marked silenced; those still open when the silence ends are posted then.
      </p>
      {!admin && <p className="notice">You are a viewer: only workspace admins can create or expire silences.</p>}
      {admin && <CreateSilenceForm action={createSilenceAction.bind(null, teamId)} prefill={{ event_type: firstParam(search.event_type), source: firstParam(search.source) }} />}
      <section className="card" aria-labelledby="silences-heading">
        <h2 id="silences-heading">Silences</h2>
        {silences.length === 0 ? (
          <p data-testid="silences-empty">No silences yet.</p>
        ) : (
          <DataTable columns={['State', 'Matches', 'Starts', 'Ends', 'Comment', 'Created by', { label: 'Held', numeric: true }]} actions={admin}>
            {silences.map((silence) => {
              const state = silenceState(silence, now);
              const count = held.get(silence.id) ?? 0;
              return (
                <tr key={silence.id} id={silence.id} data-testid="silence-row">
                  <td>
                    <span className={STATE_PILL[state]}>{state}</span>
                  </td>
                  <th scope="row">
                    <ul className="tags">
                      {matchersOf(silence).map((matcher) => (
                        <li key={matcher}>
                          <code>{matcher}</code>
                        </li>
                      ))}
                    </ul>
                  </th>
                  <td>
                    <When date={silence.startsAt} />
                  </td>
                  <td>
                    <When date={silence.endsAt} />
                  </td>
                  <td>{silence.comment}</td>
                  <td>{silence.createdByName}</td>
                  <td className="num">{count > 0 ? <a href={`/w/${teamId}/alerts?silenced=true`}>{count}</a> : 0}</td>
                  {admin && <td>{state !== 'expired' && <ConfirmButton
                        action={expireSilenceAction.bind(null, teamId, silence.id)}
                        confirm="End this silence now? The open alerts it holds are posted to Slack."
                        label="Expire"
                        pendingLabel="Expiring…"
                        ariaLabel={`Expire ${silence.comment}`}
                      />}</td>}
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
      {admin && <CreateWindowForm action={createWindowAction.bind(null, teamId)} />}
      <section className="card" aria-labelledby="windows-heading">
        <h2 id="windows-heading">Maintenance windows</h2>
        {windows.length === 0 ? (
          <p data-testid="windows-empty">No maintenance windows yet.</p>
        ) : (
          <DataTable columns={['Name', 'Matches', 'When', 'Next']} actions={admin}>
            {windows.map((window) => (
              <tr key={window.id} data-testid="window-row">
                <th scope="row">{window.name}</th>
                <td>
                  <ul className="tags">
                    {matchersOf({ eventType: window.event_type, severities: window.severities, source: window.source, fieldMatchers: window.fields }).map((matcher) => (
                      <li key={matcher}>
                        <code>{matcher}</code>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {window.days.join(', ')} {window.start}–{window.end} {window.time_zone}
                </td>
                <td>{window.next ? <When date={window.next.starts_at} /> : '—'}</td>
                {admin && (
                  <td>
                    <ConfirmButton
                      action={deleteWindowAction.bind(null, teamId, window.id)}
                      confirm="Delete this maintenance window? An occurrence under way ends now."
                      label="Delete"
                      pendingLabel="Deleting…"
                      ariaLabel={`Delete ${window.name}`}
                    />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
