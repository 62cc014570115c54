import type { ReactNode } from 'react';
import { sandboxInfo } from '@/lib/sandbox';
import { dashboardContext } from './dashboard-context';
import { DashboardNav } from './dashboard-nav';

export const dynamic = 'force-dynamic';

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { session, scope } = await dashboardContext(teamId);
  const current = session.memberships.find((membership) => membership.workspace.id === teamId)!;
  const sandbox = sandboxInfo();
  return (
    <>
      <header className="topbar">
        <a className="brand" href={`/w/${teamId}`}>
          Klaxon
        </a>
        <details className="switcher">
          <summary aria-label="Switch workspace">{current.workspace.name}</summary>
          <ul>
            {session.memberships.map((membership) => (
              <li key={membership.workspace.id}>
                <a href={`/w/${membership.workspace.id}`} aria-current={membership.workspace.id === teamId ? 'page' : undefined}>
                  {membership.workspace.name}
                </a>
              </li>
            ))}
            <li>
              <a href="/api/slack/sign-in">Sign in to another workspace…</a>
            </li>
          </ul>
        </details>
        {sandbox && (
          <a className="sandbox-link" href={`${sandbox.emulatorUrl}/`} target="_blank" rel="noreferrer noopener">
            Sandbox: open the Slack emulator
          </a>
        )}
        <span className="who">
          {scope.actor.name} · <span className={`role role-${scope.role}`}>{scope.role}</span>
        </span>
        <form method="post" action="/api/auth/sign-out">
          <button className="link-button" type="submit">
            Sign out
          </button>
        </form>
      </header>
      <DashboardNav teamId={teamId} />
      {current.workspace.uninstalledAt && (
        <p className="warning-banner" role="alert">
          Klaxon was uninstalled from {current.workspace.name}: alerts are kept, but nothing is posted to Slack.{' '}
          <a href="/api/slack/install">Reinstall</a>
        </p>
      )}
      <main>{children}</main>
    </>
  );
}
