// Where the Playwright run serves the app and its Slack emulator (away from `npm start`'s 3000/3001).
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const EMULATOR_PORT = APP_PORT + 1;
export const APP_URL = `http://localhost:${APP_PORT}`;
// One host name for the app and the emulator, as `npm start` prints them (lib/runtime/one-host.ts).
export const EMULATOR_URL = `http://localhost:${EMULATOR_PORT}`;
