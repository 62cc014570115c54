// Playwright: API and UI projects against the app started in sandbox mode on a fresh database, in Debian's
// chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';
import { APP_PORT, APP_URL, EMULATOR_PORT } from './e2e/support/ports';

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: APP_URL,
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
    { name: 'ui', testMatch: 'ui/**/*.spec.ts', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: 'npx tsx e2e/support/test-server.ts',
    url: `${APP_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(APP_PORT),
      SLACK_EMULATOR_PORT: String(EMULATOR_PORT),
      APP_URL,
      SLACK_CLIENT_ID: '',
      SLACK_CLIENT_SECRET: '',
      SLACK_SIGNING_SECRET: '',
      SESSION_SECRET: 'e2e-session-secret-0123456789abcdef0123456789',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      NEXT_TELEMETRY_DISABLED: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
});
