// Sends bursts of 50 concurrent signed Slack requests every second, from its own process so that the
// emulator's work in the benchmark process does not delay the measurement. Prints the latencies as JSON.
// Requests are signed before each burst and sent with node:http over kept-alive connections (opened by an
// unmeasured first burst): fetch's own per-request cost would otherwise be a large part of what is measured.
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
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

const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });

function send({ body, headers }: { body: string; headers: Record<string, string> }): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(config.url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function burst(): Promise<Array<{ status: number; ms: number }>> {
  const requests = Array.from({ length: 50 }, request);
  return Promise.all(requests.map(send));
}

async function main() {
  await burst();
  await sleep(1000);
  const latencies: number[] = [];
  let failed = 0;
  for (let second = 0; second < config.seconds; second += 1) {
    const started = Date.now();
    for (const { status, ms } of await burst()) {
      latencies.push(ms);
      if (status !== 200) failed += 1;
    }
    await sleep(Math.max(0, 1000 - (Date.now() - started)));
  }
  agent.destroy();
  console.log(JSON.stringify({ p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, failed }));
}

void main();
