import type { Metadata } from 'next';
import { channelNames } from '@/lib/channels/channel-names';
import { previewRouteMatch, routeMatchQuestion } from '@/lib/routes/route-match-preview';
import { listRoutes } from '@/lib/routes/routes';
import { SEVERITIES } from '@/lib/schemas/primitives';
import type { SearchParams } from '@/lib/schemas/read-search-params';
import { listTemplates } from '@/lib/templates/templates';
import { dashboardContext } from '../dashboard-context';
import { createRouteAction, refreshChannelsAction, routeRowAction } from './actions';
import { routeFormData } from './route-form-data';
import { RouteForm } from './route-form';
import { RouteRowActions } from './route-row-actions';
import { ValueOptions } from '@/app/(dashboard)/components/data-table';

export const metadata: Metadata = { title: 'Routes — Klaxon' };

export default async function RoutesPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<SearchParams> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const admin = scope.role === 'admin';
  const [routes, templates] = await Promise.all([listRoutes(scope), listTemplates(scope)]);
  const names = await channelNames(
    scope,
    routes.flatMap((route) => route.channelIds),
  );
  const templateNames = new Map(templates.map((template) => [template.id, template.name]));
  const channelLabel = (id: string) => `#${names.get(id) ?? id}`;

  const question = routeMatchQuestion(await searchParams);
  const match = previewRouteMatch(routes, question);

  return (
    <>
      <h1>Routes</h1>
      <p className="lead">
        Every enabled route whose event-type pattern and severity match an alert posts it to its channels, in this order; a channel gets each alert
        once, with the template of the first route that claims it.
      </p>
      {!admin && <p className="notice">You are a viewer: only workspace admins can change routes.</p>}
      <section className="card" aria-labelledby="routes-heading">
        <h2 id="routes-heading">Routes in order</h2>
        {routes.length === 0 ? (
          <p>No routes yet: every alert is stored as unrouted.</p>
        ) : (
          <ol className="route-list">
            {routes.map((route, index) => (
              <li key={route.id} className={route.enabled ? 'route' : 'route route-disabled'} data-testid="route-item">
                <div className="route-head">
                  <h3>{route.name}</h3>
                  <span className={route.enabled ? 'pill pill-ok' : 'pill pill-muted'}>{route.enabled ? 'Enabled' : 'Disabled'}</span>
                </div>
                <dl className="facts compact">
                  <dt>Event types</dt>
                  <dd>
                    {route.eventTypes.map((pattern) => (
                      <code key={pattern} className="chip">
                        {pattern}
                      </code>
                    ))}
                  </dd>
                  <dt>Severities</dt>
                  <dd>
                    {route.severities.map((severity) => (
                      <span key={severity} className={`badge severity-${severity}`}>
                        {severity}
                      </span>
                    ))}
                  </dd>
                  <dt>Channels</dt>
                  <dd data-testid="route-channels">{route.channelIds.map(channelLabel).join(', ')}</dd>
                  <dt>Template</dt>
                  <dd>{route.templateId ? (templateNames.get(route.templateId) ?? route.templateId) : 'Default layout'}</dd>
                  {route.groupBy && (
                    <>
                      <dt>Grouped by</dt>
                      <dd data-testid="route-group-by">
                        <code>{route.groupBy}</code>
                      </dd>
                    </>
                  )}
                </dl>
                {admin && (
                  <RouteRowActions
                    action={routeRowAction.bind(null, teamId, route.id)}
                    name={route.name}
                    enabled={route.enabled}
                    editHref={`/w/${teamId}/routes/${route.id}`}
                    alertsHref={`/w/${teamId}/alerts`}
                    first={index === 0}
                    last={index === routes.length - 1}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="match-heading">
        <h2 id="match-heading">Which routes match?</h2>
        <form method="get" action={`/w/${teamId}/routes`} className="filters">
          <div className="field">
            <label htmlFor="match-event-type">Event type</label>
            <input id="match-event-type" name="match_event_type" defaultValue={question.eventType} placeholder="deploy.failed" required />
          </div>
          <div className="field">
            <label htmlFor="match-severity">Severity</label>
            <select id="match-severity" name="match_severity" defaultValue={question.severity || 'critical'}>
              <ValueOptions values={SEVERITIES} />
            </select>
          </div>
          <div className="form-actions">
            <button className="button" type="submit">
              Check
            </button>
          </div>
        </form>
        {match && (
          <div role="status" data-testid="match-result">
            {match.routes.length === 0 ? (
              <p>
                No enabled route matches <code>{match.eventType}</code> at {match.severity}: the alert would be stored as unrouted.
              </p>
            ) : (
              <>
                <p>
                  <code>{match.eventType}</code> at {match.severity} goes to {match.channelIds.map(channelLabel).join(', ')}.
                </p>
                <ul>
                  {match.routes.map((route) => (
                    <li key={route.id}>
                      <strong>{route.name}</strong>: {route.channelIds.map(channelLabel).join(', ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </section>
      {admin && <NewRouteForm teamId={teamId} scope={scope} />}
    </>
  );
}

async function NewRouteForm({ teamId, scope }: { teamId: string; scope: Parameters<typeof routeFormData>[0] }) {
  const data = await routeFormData(scope);
  return (
    <RouteForm
      action={createRouteAction.bind(null, teamId)}
      refreshChannels={refreshChannelsAction.bind(null, teamId)}
      heading="New route"
      submitLabel="Create route"
      {...data}
    />
  );
}
