// The ready-to-run command shown once with a new API key.

/** curlExample is a shell command that sends a test alert to this Klaxon with `key`. */
export function curlExample(appUrl: string, key: string): string {
  const body = JSON.stringify({ event_type: 'deploy.failed', severity: 'critical', title: 'Deploy of checkout-api failed', source: 'curl' });
  return [
    `curl -X POST '${appUrl}/api/v1/alerts' \\`,
    `  -H 'Authorization: Bearer ${key}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join('\n');
}
