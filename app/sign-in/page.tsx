import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign in — Klaxon' };

export default function SignInPage() {
  return (
    <main className="narrow">
      <h1>Sign in to Klaxon</h1>
      <p>Klaxon’s dashboard is for members of Slack workspaces where Klaxon is installed.</p>
      <div className="actions">
        <a className="button primary" href="/api/slack/sign-in">
          Sign in with Slack
        </a>
        <a className="button" href="/api/slack/install">
          Add to Slack
        </a>
      </div>
    </main>
  );
}
