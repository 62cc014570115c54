import type { Metadata } from 'next';
import { OAUTH_FAILURE_COPY } from '@/lib/slack/oauth-failure-copy';

export const metadata: Metadata = { title: 'Could not connect to Slack — Klaxon' };

type Reason = keyof typeof OAUTH_FAILURE_COPY;

export default async function OAuthFailedPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { reason, flow } = await searchParams;
  const copy = OAUTH_FAILURE_COPY[(reason && reason in OAUTH_FAILURE_COPY ? reason : 'internal') as Reason];
  const retry = flow === 'sign-in' ? '/api/slack/sign-in' : '/api/slack/install';
  // Signing in to a workspace without Klaxon cannot succeed by trying again: the way on is to install it.
  const notInstalled = reason === 'not_installed';
  return (
    <main className="narrow">
      <h1>{copy.title}</h1>
      <p>{copy.body}</p>
      <div className="actions">
        {notInstalled && (
          <a className="button primary" href="/api/slack/install">
            Add to Slack
          </a>
        )}
        <a className={notInstalled ? 'button' : 'button primary'} href={retry}>
          {notInstalled ? 'Sign in to another workspace' : 'Try again'}
        </a>
        <a className="button" href="/">
          Back to Klaxon
        </a>
      </div>
    </main>
  );
}
