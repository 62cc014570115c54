import { listChannels } from '@/lib/channels/channel-cache';
import { workspaceOverview } from '@/lib/workspaces/workspace-overview';
import { dashboardContext } from '../dashboard-context';
import { UnroutedChannelForm } from './unrouted-channel-form';

export default async function SettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const workspace = await workspaceOverview(scope);
  const channels = workspace.uninstalledAt ? [] : await listChannels(scope);
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
      <section className="card" aria-labelledby="unrouted-heading">
        <h2 id="unrouted-heading">Unrouted alerts</h2>
        <UnroutedChannelForm
          teamId={teamId}
          current={workspace.unroutedChannelId}
          readOnly={scope.role !== 'admin'}
          channels={channels
            .filter((channel) => !channel.isArchived)
            .map((channel) => ({ id: channel.id, name: channel.name, usable: channel.isMember || !channel.isPrivate }))}
        />
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
