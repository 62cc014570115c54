import type { Metadata } from 'next';
import { safeReturnPath } from '@/lib/auth/return-to';

export const metadata: Metadata = { title: 'Sign in — Klaxon' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  // The page the visitor was sent here from is kept through Slack's round trip (only a path of this app).
  const returnTo = safeReturnPath(typeof next === 'string' ? next : null);
  const signInHref = returnTo ? `/api/slack/sign-in?${new URLSearchParams({ next: returnTo }).toString()}` : '/api/slack/sign-in';
  return (
    <main className="narrow">
      <h1>Sign in to Klaxon</h1>
      <p>Klaxon’s dashboard is for members of Slack workspaces where Klaxon is installed.</p>
      <div className="actions">
        <a className="button primary" href={signInHref}>
          Sign in with Slack
        </a>
        <a className="button" href="/api/slack/install">
          Add to Slack
        </a>
      </div>
    </main>
  );
}
