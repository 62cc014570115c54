// Starts the whole product in this process: database (embedded unless DATABASE_URL is set), migrations, the
// Slack emulator in sandbox mode (never with real Slack credentials), the web app and the in-process worker.
import path from 'node:path';
import { startSlackEmulator } from '../emulator/server';
import { env, provideEnv } from '../lib/env';
import { log } from '../lib/log';
import { startNextServer } from '../lib/runtime/next-server';
import { dataDir } from '../lib/runtime/local-secrets';
import { withHostOf } from '../lib/runtime/one-host';
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { startWorker } from '../lib/outbox/worker';
import { printStartupBanner } from './startup-banner';

/** serveKlaxon starts every part and returns the function that stops them, in reverse order. */
export async function serveKlaxon(options: { dev: boolean }): Promise<() => Promise<void>> {
  if (!options.dev) provideEnv({ NODE_ENV: 'production' });
  const runtime = await prepareRuntime();
  const stops: Array<() => Promise<void>> = [() => runtime.stop()];

  const { slack, port, appUrl, slackEmulatorPort, workerInProcess } = env();
  let emulatorUrl: string | null = null;
  if (slack.mode === 'sandbox') {
    const emulator = await startSlackEmulator({
      port: slackEmulatorPort,
      signingSecret: slack.signingSecret,
      clientId: slack.clientId,
      clientSecret: slack.clientSecret,
      appUrl,
      // The emulator's workspaces, tokens and messages live beside the embedded database they belong with, so a
      // restart carries on; with DATABASE_URL (tests, a shared database) the emulator starts from its seed.
      ...(runtime.embeddedDatabase ? { stateFile: path.join(dataDir(), 'slack-emulator.json') } : {}),
    });
    stops.unshift(() => emulator.close());
    // The browser meets the emulator under the dashboard's host name (localhost, not 127.0.0.1): one host in
    // every printed URL and every redirect. The app itself calls the Web API at the address it listens on.
    provideEnv({ SLACK_API_URL: emulator.apiUrl, SLACK_AUTHORIZE_URL: withHostOf(emulator.authorizeUrl, appUrl) });
    emulatorUrl = withHostOf(emulator.url, appUrl);
  }

  const server = await startNextServer({ port, dev: options.dev, log: (line) => log().info(line) });
  stops.unshift(() => server.close());
  if (workerInProcess) {
    const worker = startWorker();
    stops.unshift(() => worker.stop());
  }
  printStartupBanner({
    appUrl,
    emulatorUrl,
    database: runtime.embeddedDatabase ? 'embedded PostgreSQL, data in .data/postgres' : 'DATABASE_URL',
  });
  return async () => {
    for (const stop of stops) await stop();
  };
}
