import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAlertDetail } from '@/lib/alerts/alert-views';
import { SeverityBadge, SilencedBadge, StatusBadge } from '@/app/(dashboard)/components/badges';
import { channelNames } from '@/lib/channels/channel-names';
import { channelUrl } from '@/lib/channels/channel-url';
import { When } from '@/app/(dashboard)/components/when';
import { AppError } from '@/lib/errors';
import { dashboardContext } from '../../dashboard-context';
import { LiveRefresh } from '../live-refresh';
import { retryDeliveriesAction } from '../../delivery-actions';
import { alertStatusAction } from './actions';
import { StatusButtons } from './status-buttons';
import { DataTable } from '@/app/(dashboard)/components/data-table';

export const metadata: Metadata = { title: 'Alert — Klaxon' };

const KIND_LABEL: Record<string, string> = {
  triggered: 'Triggered',
  occurred: 'Occurred again',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  reopened: 'Reopened',
  snoozed: 'Snoozed',
  snooze_ended: 'Snooze ended',
  unsilenced: 'Silence ended',
  escalated: 'Escalated',
};

const JOB_LABEL: Record<string, string> = { 'snooze-expiry': 'End of snooze', 'escalation-step': 'Escalation step', 'escalation-notify': 'Escalation notice (DM)', 'silence-end': 'End of silence' };
const JOB_STATE_LABEL: Record<string, string> = { pending: 'scheduled', done: 'ran', dead: 'failed', cancelled: 'cancelled' };

const VIA_LABEL: Record<string, string> = { slack: 'in Slack', api: 'via the API', dashboard: 'in the dashboard', system: 'automatically' };

async function loadAlert(scope: Parameters<typeof getAlertDetail>[0], id: string) {
  try {
    return await getAlertDetail(scope, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function AlertPage({ params }: { params: Promise<{ teamId: string; id: string }> }) {
  const { teamId, id } = await params;
  const { scope } = await dashboardContext(teamId);
  const alert = await loadAlert(scope, id);
  const names = await channelNames(
    scope,
    alert.deliveries.map((delivery) => delivery.channel),
  );
  const fields = Object.entries((alert.fields ?? {}) as Record<string, unknown>);
  const links = (Array.isArray(alert.links) ? alert.links : []) as Array<{ text: string; url: string }>;
  return (
    <>
      <p className="breadcrumb">
        <a href={`/w/${teamId}/alerts`}>← Alerts</a>
      </p>
      <div className="title-row">
        <h1>{alert.title}</h1>
        <SeverityBadge severity={alert.severity} /> <StatusBadge status={alert.status} /> {alert.silenced && <SilencedBadge />}
      </div>
      {alert.silenced && (
        <p className="notice" data-testid="silenced-notice">
          A <a href={`/w/${teamId}/silences#${alert.silence_id}`}>silence</a> holds this alert back: it is stored here but not posted to Slack. If it is
          still open when the silence ends, it is posted then.
        </p>
      )}
      <div className="section-head">
        {scope.role === 'admin' ? (
          <div className="alert-actions">
            <StatusButtons action={alertStatusAction.bind(null, teamId, alert.id)} status={alert.status} />
            <a href={`/w/${teamId}/silences?${new URLSearchParams({ event_type: alert.event_type, source: alert.source ?? '' }).toString()}`}>Silence alerts like this…</a>
          </div>
        ) : (
          <span />
        )}
        <LiveRefresh />
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="facts">
            <dt>Event type</dt>
            <dd>
              <code>{alert.event_type}</code>
            </dd>
            <dt>Severity</dt>
            <dd>{alert.severity}</dd>
            <dt>Status</dt>
            <dd data-testid="alert-status">{alert.status}</dd>
            <dt>Source</dt>
            <dd>{alert.source ?? '—'}</dd>
            <dt>Dedup key</dt>
            <dd>
              <code className="wrap">{alert.dedup_key}</code>
            </dd>
            <dt>Occurrences</dt>
            <dd>{alert.occurrences}</dd>
            <dt>Routed</dt>
            <dd>
              {alert.routed
                ? 'Yes'
                : alert.deliveries.length
                  ? 'No route matched: posted to the channel for unrouted alerts'
                  : alert.silenced
                    ? 'No route matched'
                    : 'No route matched, so it was not posted'}
            </dd>
            <dt>Occurred</dt>
            <dd>
              <When date={alert.occurred_at} />
            </dd>
            <dt>Last seen</dt>
            <dd>
              <When date={alert.last_seen_at} />
            </dd>
            <dt>Acknowledged</dt>
            <dd>
              <When date={alert.acknowledged_at} />
            </dd>
            <dt>Resolved</dt>
            <dd>
              <When date={alert.resolved_at} />
            </dd>
            {alert.snoozed_until && (
              <>
                <dt>Snoozed until</dt>
                <dd>
                  <When date={alert.snoozed_until} />
                </dd>
              </>
            )}
          </dl>
          {alert.description && (
            <>
              <h3>Description</h3>
              <p className="description">{alert.description}</p>
            </>
          )}
          {fields.length > 0 && (
            <>
              <h3>Fields</h3>
              <dl className="facts">
                {fields.map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt>{name}</dt>
                    <dd>{String(value)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {links.length > 0 && (
            <>
              <h3>Links</h3>
              <ul>
                {links.map((link) => (
                  <li key={link.url + link.text}>
                    <a href={link.url} rel="noreferrer noopener" target="_blank">
                      {link.text}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          <ol className="timeline" data-testid="timeline">
            {alert.activity.map((entry, index) => (
              <li key={index} className={`timeline-${entry.kind}`}>
                <strong>{KIND_LABEL[entry.kind] ?? entry.kind}</strong> by {entry.actor_name ?? entry.actor ?? 'someone'}{' '}
                {entry.actor_type === 'api_key' ? '(API key) ' : ''}
                {VIA_LABEL[entry.via] ?? entry.via}
                <br />
                <span className="muted">
                  <When date={entry.at} />
                </span>
                {entry.note && <p className="note">{entry.note}</p>}
              </li>
            ))}
            {alert.jobs.map((job, index) => (
              <li key={`job-${index}`} className={`timeline-job timeline-job-${job.state}`} data-testid="timeline-job">
                <strong>{JOB_LABEL[job.kind] ?? job.kind}</strong> {JOB_STATE_LABEL[job.state] ?? job.state}
                {job.last_error && <code className="wrap"> {job.last_error}</code>}
                <br />
                <span className="muted">
                  <When date={job.finished_at ?? job.run_at} />
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section className="card" aria-labelledby="deliveries-heading">
        <div className="title-row">
          <h2 id="deliveries-heading">Deliveries</h2>
          {scope.role === 'admin' && alert.deliveries.filter((delivery) => delivery.state === 'dead').length > 1 && (
            <form action={retryDeliveriesAction.bind(null, teamId, alert.id, null)}>
              <button className="button" type="submit">
                Retry all failed
              </button>
            </form>
          )}
        </div>
        {alert.deliveries.length === 0 ? (
          <p>{alert.silenced ? 'None: a silence holds this alert back.' : alert.routed ? 'No deliveries yet.' : 'None: no route matched this alert.'}</p>
        ) : (
          <DataTable columns={['Channel', 'State', { label: 'Attempts', numeric: true }, 'Sent', 'Last error', 'Message']}>
            {alert.deliveries.map((delivery) => (
              <tr key={delivery.id} data-testid="delivery-row">
                <th scope="row">#{names.get(delivery.channel) ?? delivery.channel}</th>
                <td>
                  <span className={`pill delivery-${delivery.state}`}>{delivery.state}</span>
                  {scope.role === 'admin' && delivery.state === 'dead' && (
                    <form className="inline" action={retryDeliveriesAction.bind(null, teamId, alert.id, delivery.channel)}>
                      <button className="button small" type="submit" aria-label={`Retry #${names.get(delivery.channel) ?? delivery.channel}`}>
                        Retry
                      </button>
                    </form>
                  )}
                  {delivery.next_attempt_at && (
                    <span className="muted">
                      {' '}
                      next try <When date={delivery.next_attempt_at} />
                    </span>
                  )}
                </td>
                <td className="num">{delivery.attempts}</td>
                <td>
                  <When date={delivery.sent_at} />
                </td>
                <td>{delivery.last_error ? <code className="wrap">{delivery.last_error}</code> : '—'}</td>
                <td>
                  {delivery.ts ? (
                    <a href={channelUrl(teamId, delivery.channel)} target="_blank" rel="noreferrer noopener">
                      Open in Slack
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
