import { workspaceOverview } from '@/lib/workspaces/workspace-overview';
import { dashboardContext } from '../dashboard-context';

export default async function SettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const workspace = await workspaceOverview(scope);
  return (
    <>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="workspace-heading">
        <h2 id="workspace-heading">Workspace</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{workspace.name}</dd>
          <dt>Slack team id</dt>
          <dd>
            <code>{workspace.id}</code>
          </dd>
          <dt>Bot user</dt>
          <dd>{workspace.botUserId ? <code>{workspace.botUserId}</code> : '—'}</dd>
          <dt>Bot scopes</dt>
          <dd>{workspace.scopes.length ? workspace.scopes.join(', ') : '—'}</dd>
        </dl>
        {scope.role === 'admin' && (
          <p>
            <a className="button" href="/api/slack/install">
              Reinstall Klaxon
            </a>{' '}
            Reinstalling refreshes the bot token and scopes; routes, templates, keys and history stay.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Your account</h2>
        <p>
          Signed in as {scope.actor.name} ({scope.role}).
        </p>
        <form method="post" action="/api/auth/sign-out">
          <button className="button" type="submit">
            Sign out
          </button>
        </form>
      </section>
    </>
  );
}
