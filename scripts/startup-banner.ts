// What `npm start` prints once everything is up: where to click and what to run.

/** printStartupBanner tells a newcomer the URLs to open and a first alert to send. */
export function printStartupBanner(info: { appUrl: string; emulatorUrl: string | null; database: string }): void {
  const curl = [
    `  curl -X POST ${info.appUrl}/api/v1/alerts \\`,
    '    -H "Authorization: Bearer $KLAXON_KEY" -H "Content-Type: application/json" \\',
    `    -d '{"event_type":"deploy.failed","severity":"critical","title":"Deploy of api failed","source":"ci","fields":{"version":"1.4.2"}}'`,
  ];
  const lines = [
    '',
    `Klaxon is running${info.emulatorUrl ? ' in sandbox mode (no Slack credentials: a local Slack emulator stands in)' : ''}.`,
    `  Dashboard:       ${info.appUrl}`,
    ...(info.emulatorUrl ? [`  Slack emulator:  ${info.emulatorUrl}`] : []),
    `  Database:        ${info.database}`,
    `  Health:          curl ${info.appUrl}/api/health`,
    '',
    `1. Open ${info.appUrl} and click "Add to Slack"${info.emulatorUrl ? ', then Allow in the emulator' : ''}.`,
    '2. In the dashboard, open "API keys", create a key and export it: export KLAXON_KEY=klx_live_…',
    '3. Send an alert:',
    ...curl,
    info.emulatorUrl
      ? `4. See it in the emulator's #alerts channel (${info.emulatorUrl}) and click Acknowledge; unrouted alerts go to #alerts in sandbox workspaces.`
      : '4. Create a route in the dashboard so the alert reaches a channel, or set the channel for unrouted alerts in Settings.',
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}
