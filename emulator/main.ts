/**
 * Command-line entry: `npm run emulator` (tsx emulator/main.ts). Reads EMULATOR_PORT (3900),
 * EMULATOR_HOST, SLACK_SIGNING_SECRET, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, APP_URL, EMULATOR_PACING
 * (`false` turns pacing off), EMULATOR_TOKEN_ROTATION (`true`) and SLACK_APP_TOKEN (an `xapp-…` token: Socket
 * Mode), and prints where it listens.
 */
import { startSlackEmulator } from './server';

const env = process.env;
const emulator = await startSlackEmulator({
  port: Number(env.EMULATOR_PORT ?? 3900),
  host: env.EMULATOR_HOST ?? '127.0.0.1',
  signingSecret: env.SLACK_SIGNING_SECRET ?? 'sandbox-signing-secret',
  clientId: env.SLACK_CLIENT_ID ?? 'sandbox-client-id',
  clientSecret: env.SLACK_CLIENT_SECRET ?? 'sandbox-client-secret',
  appUrl: env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`,
  pacing: env.EMULATOR_PACING !== 'false',
  tokenRotation: env.EMULATOR_TOKEN_ROTATION === 'true',
  appToken: env.SLACK_APP_TOKEN || undefined,
});
console.log(`Slack emulator listening on ${emulator.url}`);
console.log(`  SLACK_API_URL=${emulator.apiUrl}`);
console.log(`  SLACK_AUTHORIZE_URL=${emulator.authorizeUrl}`);
console.log(emulator.state.socketMode ? '  sending to the app over Socket Mode (apps.connections.open)' : `  sending to app at ${emulator.state.getAppUrl() ?? '(unset)'}`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
