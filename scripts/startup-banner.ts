// What `npm start` prints once everything is up: where to click and what to run.

/** printStartupBanner tells a newcomer the URLs to open and a first request to try. */
export function printStartupBanner(info: { appUrl: string; emulatorUrl: string | null; database: string }): void {
  const lines = [
    '',
    `Klaxon is running${info.emulatorUrl ? ' in sandbox mode (no Slack credentials: a local Slack emulator stands in)' : ''}.`,
    `  Dashboard:       ${info.appUrl}`,
    ...(info.emulatorUrl ? [`  Slack emulator:  ${info.emulatorUrl}`] : []),
    `  Database:        ${info.database}`,
    `  Health:          curl ${info.appUrl}/api/health`,
    '',
    info.emulatorUrl
      ? `Open ${info.appUrl}, click "Add to Slack" and approve in the emulator; its channels are at ${info.emulatorUrl}.`
      : `Open ${info.appUrl} and click "Add to Slack".`,
    'Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}
