// Sends bursts of 50 concurrent signed Slack requests every second, from its own process so that the
// emulator's work in the benchmark process does not delay the measurement. Prints the latencies as JSON.
import { createHmac, randomUUID } from 'node:crypto';
import { percentile, sleep } from './load';

interface BurstConfig {
  url: string;
  secret: string;
  kind: 'interactions' | 'events';
  team: string;
  channel: string;
  ids: string[];
  seconds: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as BurstConfig;

function signed(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${createHmac('sha256', config.secret).update(`v0:${timestamp}:${body}`).digest('hex')}` };
}

function request(): { body: string; headers: Record<string, string> } {
  if (config.kind === 'interactions') {
    const payload = {
      type: 'block_actions',
      team: { id: config.team },
      user: { id: 'U0ACMEMEM1', name: 'alan' },
      channel: { id: config.channel },
      trigger_id: 't',
      actions: [{ action_id: 'alert_snooze', value: config.ids[Math.floor(Math.random() * config.ids.length)] }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(body) } };
  }
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: config.team,
    api_app_id: 'A0',
    event_id: `Ev${randomUUID()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: 'U0ACMEMEM1', tab: 'home' },
  });
  return { body, headers: { 'content-type': 'application/json', ...signed(body) } };
}

async function main() {
  const latencies: number[] = [];
  let failed = 0;
  for (let second = 0; second < config.seconds; second += 1) {
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const { body, headers } = request();
        const t = performance.now();
        const response = await fetch(config.url, { method: 'POST', body, headers });
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
        if (response.status !== 200) failed += 1;
      }),
    );
    await sleep(Math.max(0, 1000 - (Date.now() - started)));
  }
  console.log(JSON.stringify({ p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, failed }));
}

void main();
