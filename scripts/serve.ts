// Starts the whole product in this process: database (embedded unless DATABASE_URL is set), migrations, the
// Slack emulator in sandbox mode (never with real Slack credentials), the web app, the Socket Mode connection
// when SLACK_APP_TOKEN is set, and the in-process worker.
import path from 'node:path';
import { startSlackEmulator } from '../emulator/server';
import { disconnectDb } from '../lib/db';
import { env, provideEnv } from '../lib/env';
import { markStopping } from '../lib/health';
import { log } from '../lib/log';
import { startNextServer } from '../lib/runtime/next-server';
import { dataDir } from '../lib/runtime/local-secrets';
import { withHostOf } from '../lib/runtime/one-host';
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { startWorker } from '../lib/outbox/worker';
import { startSocketMode, type SocketModeReceiver } from '../lib/slack/start-socket-mode';
import { printStartupBanner } from './startup-banner';

/** serveKlaxon starts every part and returns the function that stops them, the last started first. */
export async function serveKlaxon(options: { dev: boolean }): Promise<() => Promise<void>> {
  if (!options.dev) provideEnv({ NODE_ENV: 'production' });
  const runtime = await prepareRuntime();
  // Stopped in this order, first to last; the pool closes after everything that uses it, before the database.
  const stops: Array<() => Promise<void>> = [disconnectDb, () => runtime.stop()];
  const stopAll = async () => {
    for (const stop of stops) await stop();
  };
  // A part that fails to start stops those already started: the embedded PostgreSQL runs in its own process
  // group and would outlive this process.
  try {
    const { slack, port, appUrl, slackEmulatorPort, workerInProcess, slackAppToken } = env();
    let emulatorUrl: string | null = null;
    if (slack.mode === 'sandbox') {
      const emulator = await startSlackEmulator({
        port: slackEmulatorPort,
        signingSecret: slack.signingSecret,
        clientId: slack.clientId,
        clientSecret: slack.clientSecret,
        appUrl,
        // With SLACK_APP_TOKEN the sandbox speaks Socket Mode: the emulator accepts that token and sends its clicks,
        // commands and events over the WebSocket instead of signed HTTP.
        ...(slackAppToken ? { appToken: slackAppToken } : {}),
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
    const worker = workerInProcess ? startWorker() : null;
    let socketMode: SocketModeReceiver | null = null;
    // Health says 'stopping' at once; the server finishes its requests and the Socket Mode connection closes
    // (its follow-up work finishing) while the worker finishes its Slack calls.
    stops.unshift(async () => {
      markStopping();
      await Promise.all([server.close(), socketMode?.stop(), worker?.stop()]);
    });
    if (slackAppToken) socketMode = await startSocketMode({ appToken: slackAppToken, slackApiUrl: env().slack.apiUrl });
    printStartupBanner({
      appUrl,
      emulatorUrl,
      database: runtime.embeddedDatabase ? 'embedded PostgreSQL, data in .data/postgres' : 'DATABASE_URL',
    });
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
  return stopAll;
}
