import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { readSession, SESSION_COOKIE } from '@/lib/auth/sessions';

export const metadata: Metadata = { title: 'Page not found — Klaxon' };

// The app's frame with a way back, instead of the framework's bare 404: to the visitor's workspaces when
// signed in (another workspace's pages answer 404 too), else to the start.
export default async function NotFound() {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await readSession(token) : null;
  return (
    <>
      <header className="topbar">
        <a className="brand" href="/">
          Klaxon
        </a>
      </header>
      <main className="narrow" data-testid="not-found">
        <h1>Page not found</h1>
        <p>There is nothing at this address, or it belongs to a workspace you are not signed in to.</p>
        {session && session.memberships.length > 0 && (
          <nav aria-label="Your workspaces">
            <ul>
              {session.memberships.map((membership) => (
                <li key={membership.workspace.id}>
                  <a href={`/w/${membership.workspace.id}`}>{membership.workspace.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="actions">
          <a className="button primary" href="/">
            Back to Klaxon
          </a>
          {!session && (
            <a className="button" href="/sign-in">
              Sign in
            </a>
          )}
        </div>
      </main>
    </>
  );
}
