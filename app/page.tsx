import { sandboxInfo } from '@/lib/sandbox';

export const dynamic = 'force-dynamic';

export default function LandingPage() {
  const sandbox = sandboxInfo();
  return (
    <>
      {sandbox && (
        <p className="banner" role="status">
          Sandbox mode: Klaxon talks to a local Slack emulator, not to Slack.{' '}
          <a href={sandbox.emulatorUrl}>Open the emulator</a> to see sandbox channels.
        </p>
      )}
      <main>
        <section className="hero">
          <h1>Klaxon</h1>
          <p>
            Send your operational alerts to one API. Klaxon routes each one by event type and severity to the right Slack
            channels, and your on-call team acknowledges and resolves them right there.
          </p>
          <div className="actions">
            <a className="button primary" href="/api/slack/install">
              Add to Slack
            </a>
            <a className="button" href="/api/slack/sign-in">
              Sign in with Slack
            </a>
          </div>
        </section>
        <section className="features" aria-label="What Klaxon does">
          <div className="card">
            <h2>Route by type and severity</h2>
            <p>Rules like “deploy.* at critical goes to #incidents” decide which channels hear about what.</p>
          </div>
          <div className="card">
            <h2>Acknowledge in Slack</h2>
            <p>Acknowledge and Resolve buttons on every alert; the message updates everywhere it was posted.</p>
          </div>
          <div className="card">
            <h2>Never lose an alert</h2>
            <p>Every accepted alert is stored before we answer, then delivered at Slack’s pace or visibly failed.</p>
          </div>
        </section>
      </main>
    </>
  );
}
