import type { Metadata } from 'next';
import { listAlerts } from '@/lib/alerts/alert-views';
import type { WorkspaceScope } from '@/lib/auth/workspace-scope';
import { AppError } from '@/lib/errors';
import { alertsHref, filterValues, parseAlertFilters } from '@/lib/alerts/alert-filters';
import type { SearchParams } from '@/lib/schemas/read-search-params';
import { SeverityBadge, SilencedBadge, StatusBadge } from '@/app/(dashboard)/components/badges';
import { When } from '@/app/(dashboard)/components/when';
import { ALERT_STATUSES, SEVERITIES } from '@/lib/schemas/primitives';
import { dashboardContext } from '../dashboard-context';
import { LiveRefresh } from './live-refresh';
import { DataTable, ValueOptions } from '@/app/(dashboard)/components/data-table';

export const metadata: Metadata = { title: 'Alerts — Klaxon' };

// A bad filter or a stale cursor is the user's to fix: say what is wrong instead of failing the page.
async function listPage(scope: WorkspaceScope, search: SearchParams) {
  const parsed = parseAlertFilters(search);
  if ('error' in parsed) return parsed;
  try {
    return { page: await listAlerts(scope, parsed.query) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_request') return { error: error.message };
    throw error;
  }
}

export default async function AlertsPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<SearchParams> }) {
  const { teamId } = await params;
  const search = await searchParams;
  const { scope } = await dashboardContext(teamId);
  const filters = filterValues(search);
  const parsed = await listPage(scope, search);
  const page = 'page' in parsed ? parsed.page : null;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <h1>Alerts</h1>
      <form className="card filters" method="get" action={`/w/${teamId}/alerts`} aria-label="Filter alerts">
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder="Title or dedup key" />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status}>
            <option value="">Any</option>
            <ValueOptions values={ALERT_STATUSES} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-severity">Severity</label>
          <select id="filter-severity" name="severity" defaultValue={filters.severity}>
            <option value="">Any</option>
            <ValueOptions values={SEVERITIES} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-event-type">Event type</label>
          <input id="filter-event-type" name="event_type" defaultValue={filters.event_type} placeholder="deploy.failed" />
        </div>
        <div className="field">
          <label htmlFor="filter-silenced">Silenced</label>
          <select id="filter-silenced" name="silenced" defaultValue={filters.silenced}>
            <option value="">Any</option>
            <option value="true">Silenced</option>
            <option value="false">Not silenced</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-since">Since (UTC)</label>
          <input id="filter-since" name="since" type="datetime-local" defaultValue={filters.since} />
        </div>
        <div className="field">
          <label htmlFor="filter-until">Until (UTC)</label>
          <input id="filter-until" name="until" type="datetime-local" defaultValue={filters.until} />
        </div>
        <div className="form-actions">
          <button className="button primary" type="submit">
            Filter
          </button>
          {filtered && <a href={`/w/${teamId}/alerts`}>Clear filters</a>}
        </div>
      </form>
      {'error' in parsed ? (
        <p className="notice notice-error" role="alert">
          Invalid filter — {parsed.error}
        </p>
      ) : (
        <section aria-labelledby="alerts-table-heading" className="card">
          <div className="section-head">
            <h2 id="alerts-table-heading">{search.cursor ? 'Older alerts' : filtered ? 'Matching alerts' : 'Latest alerts'}</h2>
            <LiveRefresh />
          </div>
          {page!.alerts.length === 0 ? (
            <p data-testid="alerts-empty">{filtered ? 'No alert matches these filters.' : 'No alerts yet. Send one with an API key.'}</p>
          ) : (
            <DataTable className="alerts-table" columns={['Severity', 'Title', 'Event type', 'Status', { label: 'Occurrences', numeric: true }, 'Created', 'Routed']}>
              {page!.alerts.map((alert) => (
                <tr key={alert.id} data-testid="alert-row">
                  <td>
                    <SeverityBadge severity={alert.severity} />
                  </td>
                  <th scope="row">
                    <a href={`/w/${teamId}/alerts/${alert.id}`}>{alert.title}</a>
                  </th>
                  <td>
                    <code>{alert.event_type}</code>
                  </td>
                  <td>
                    <StatusBadge status={alert.status} /> {alert.silenced && <SilencedBadge />}
                  </td>
                  <td className="num">{alert.occurrences}</td>
                  <td>
                    <When date={alert.created_at} />
                  </td>
                  <td>{alert.routed ? 'Yes' : <span className="pill pill-warn">Unrouted</span>}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <nav className="pager" aria-label="Pages">
            {search.cursor && <a href={alertsHref(teamId, search)}>Newest</a>}
            {page!.next_cursor && (
              <a className="button" href={alertsHref(teamId, search, page!.next_cursor)} rel="next">
                Next page
              </a>
            )}
          </nav>
        </section>
      )}
    </>
  );
}
