import { When } from '@/app/(dashboard)/components/when';
import { channelNames } from '@/lib/channels/channel-names';
import { FRESH_MS, overviewStats } from '@/lib/workspaces/overview-stats';
import { firstSteps, isDone } from '@/lib/workspaces/first-steps';
import { tokenFailure } from '@/lib/workspaces/token-health';
import { workspaceOverview } from '@/lib/workspaces/workspace-overview';
import { BarChart } from './bar-chart';
import { dashboardContext } from './dashboard-context';
import { retryDeliveriesAction } from './delivery-actions';

const SEVERITY_COLOR: Record<string, string> = { critical: 'var(--critical)', error: 'var(--error)', warning: 'var(--warning)', info: 'var(--info)' };

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export default async function WorkspaceOverviewPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const [workspace, stats, steps] = await Promise.all([workspaceOverview(scope), overviewStats(scope), firstSteps(scope)]);
  const checklist = [
    { done: steps.apiKey, text: 'Create an API key', href: `/w/${teamId}/api-keys`, hint: 'it comes with a ready curl command' },
    { done: steps.alert, text: 'Send a first alert', href: `/w/${teamId}/api-keys`, hint: 'run the curl command (or the Node.js, Python or Go code) shown with the key' },
    { done: steps.route, text: 'Add a route', href: `/w/${teamId}/routes`, hint: 'pick which event types and severities go to which channels' },
    { done: steps.acknowledgedInSlack, text: 'Acknowledge an alert in Slack', href: null, hint: 'click Acknowledge on the alert message in the channel' },
  ];
  const names = await channelNames(
    scope,
    stats.deliveries.recentProblems.map((problem) => problem.channelId),
  );
  const tokenProblem = workspace.uninstalledAt ? null : await tokenFailure(scope.workspaceId, workspace.installedAt);
  const isAdmin = scope.role === 'admin';
  const base = `/w/${teamId}`;
  const openTotal = stats.openBySeverity.reduce((sum, row) => sum + row.count, 0);
  const warnings = [
    ...(workspace.uninstalledAt ? ['Klaxon is uninstalled from this workspace: nothing is posted to Slack until you reinstall.'] : []),
    ...stats.routeWarnings.map(
      (warning) => `Route “${warning.routeName}” points at ${warning.channelName ? `#${warning.channelName}` : warning.channelId}: ${warning.problem}.`,
    ),
    ...(stats.unroutedRecently > 0 ? [`${stats.unroutedRecently === 1 ? '1 alert' : `${stats.unroutedRecently} alerts`} in the last 14 days matched no route.`] : []),
  ];
  return (
    <>
      <h1>{workspace.name}</h1>
      <p className="muted" data-testid="figures-freshness">
        Figures as of <When date={stats.computedAt} />: new alerts and status changes show on the next view; other figures are at most{' '}
        {FRESH_MS / 1000} s old.
      </p>
      {!isDone(steps) && (
        <section className="card first-steps" aria-labelledby="first-steps-heading" data-testid="first-steps">
          <h2 id="first-steps-heading">First steps</h2>
          <ol className="checklist">
            {checklist.map((step) => (
              <li key={step.text} className={step.done ? 'done' : undefined} data-done={step.done}>
                <span className="tick" aria-hidden="true">
                  {step.done ? '✓' : '○'}
                </span>{' '}
                {step.href && !step.done ? <a href={step.href}>{step.text}</a> : <strong>{step.text}</strong>}
                <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                <span className="muted"> — {step.hint}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {tokenProblem && (
        <section className="card warnings" role="alert" aria-labelledby="token-heading" data-testid="token-failure">
          <h2 id="token-heading">Slack refuses Klaxon’s token</h2>
          <p>
            Slack answered <code>{tokenProblem.error}</code> to a post <When date={tokenProblem.at} />: the bot token of this
            workspace no longer works (revoked, or the app was removed), so nothing reaches Slack. Reinstall Klaxon to get a new token, then retry the
            failed deliveries.
          </p>
          {isAdmin && (
            <p className="actions">
              <a className="button primary" href="/api/slack/install">
                Reinstall Klaxon
              </a>
            </p>
          )}
        </section>
      )}
      {warnings.length > 0 && (
        <section className="card warnings" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading">Needs attention</h2>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="open-heading">
          <h2 id="open-heading">
            Open alerts <span className="count">{openTotal}</span>
          </h2>
          <BarChart
            caption="Open alerts by severity"
            empty="No open alerts."
            bars={stats.openBySeverity.map((row) => ({ label: row.severity, value: row.count, color: SEVERITY_COLOR[row.severity] }))}
          />
          <a href={`${base}/alerts?status=triggered,acknowledged`}>See open alerts</a>
        </section>
        <section className="card" aria-labelledby="daily-heading">
          <h2 id="daily-heading">Alerts per day</h2>
          <BarChart caption="Alerts per day, last 14 days (UTC)" empty="No alerts in the last 14 days." bars={stats.perDay.map((row) => ({ label: row.day.slice(8), value: row.count, title: row.day }))} />
        </section>
        <section className="card" aria-labelledby="mtta-heading">
          <h2 id="mtta-heading">Mean time to acknowledge, per route</h2>
          {stats.mttaByRoute.length === 0 ? (
            <p className="muted">No acknowledged alerts in the last 14 days.</p>
          ) : (
            <BarChart
              caption="Mean time to acknowledge per route, last 14 days"
              format={duration}
              bars={stats.mttaByRoute.map((row) => ({ label: row.name, value: row.meanSeconds, title: `${row.name} (${row.acknowledged} acknowledged)` }))}
            />
          )}
        </section>
        <section className="card" aria-labelledby="health-heading">
          <h2 id="health-heading">Delivery health</h2>
          <p>
            <strong>{stats.deliveries.failed}</strong> retrying · <strong>{stats.deliveries.dead}</strong> failed for good
          </p>
          {isAdmin && stats.deliveries.dead > 0 && (
            <form action={retryDeliveriesAction.bind(null, teamId, null, null)}>
              <button className="button" type="submit">
                {stats.deliveries.dead === 1 ? 'Retry the failed delivery' : `Retry all ${stats.deliveries.dead} failed`}
              </button>
            </form>
          )}
          {stats.deliveries.recentProblems.length > 0 ? (
            <ul className="problems">
              {stats.deliveries.recentProblems.map((problem) => (
                <li key={`${problem.alertId}-${problem.channelId}`}>
                  <a href={`${base}/alerts/${problem.alertId}`}>{problem.title}</a> → #{names.get(problem.channelId) ?? problem.channelId}: {problem.state}
                  {problem.lastError ? ` (${problem.lastError})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Every delivery reached Slack.</p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="install-heading">
        <h2 id="install-heading">Installation</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            {workspace.uninstalledAt ? (
              <>
                Uninstalled <When date={workspace.uninstalledAt} />
              </>
            ) : (
              'Installed'
            )}
          </dd>
          <dt>Installed</dt>
          <dd>
            <When date={workspace.installedAt} />
          </dd>
          <dt>Installed by</dt>
          <dd>{workspace.installer ?? '—'}</dd>
          <dt>Members signed in</dt>
          <dd>{workspace.members}</dd>
        </dl>
      </section>
    </>
  );
}
