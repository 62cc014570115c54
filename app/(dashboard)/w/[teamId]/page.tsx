import { workspaceOverview } from '@/lib/workspaces/workspace-overview';
import { dashboardContext } from './dashboard-context';

export default async function WorkspaceOverviewPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const workspace = await workspaceOverview(scope);
  return (
    <>
      <h1>{workspace.name}</h1>
      <section className="card" aria-labelledby="install-heading">
        <h2 id="install-heading">Installation</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{workspace.uninstalledAt ? `Uninstalled ${workspace.uninstalledAt.toISOString()}` : 'Installed'}</dd>
          <dt>Installed</dt>
          <dd>{workspace.installedAt?.toISOString() ?? '—'}</dd>
          <dt>Installed by</dt>
          <dd>{workspace.installer ?? '—'}</dd>
          <dt>Members signed in</dt>
          <dd>{workspace.members}</dd>
        </dl>
      </section>
    </>
  );
}
