// Sends a list of alerts as a careful client does: each alert until it is accepted (202), waiting out a 429 or
// 503 for its Retry-After and retrying a lost connection after a moment — with the same body, so a retry of an
// alert whose first answer was lost bumps it (same dedup key) instead of opening a second one. Without retries
// (the rate limit check) every answer is final. Over kept-alive node:http connections (see load.ts).
import http from 'node:http';
import { percentile, sleep } from './load';

/** AlertToSend is one POST /api/v1/alerts: the API key and the JSON body. */
export interface AlertToSend {
  key: string;
  body: string;
}

/** SendOptions: how many requests at once, an optional pace, and whether to retry. */
export interface SendOptions {
  concurrency: number;
  /** Start the i-th alert no sooner than i / perSecond seconds in; unset: as fast as answers come. */
  perSecond?: number;
  retry: boolean;
  /** Give an alert up after this long (default 180 s): it counts as not accepted. */
  giveUpMs?: number;
}

/** SendResult says what became of each alert and what the server answered along the way. */
export interface SendResult {
  /** The accepted alert id of each alert, or null (refused or given up). */
  ids: Array<string | null>;
  /** Every answer by status ("202", "429", "503", …, "network" for a lost connection), retries included. */
  statuses: Record<string, number>;
  /** 429 and 503 answers without a Retry-After header. */
  withoutRetryAfter: number;
  seconds: number;
  /** Accepted alerts per second over the whole run. */
  perSecond: number;
  /** Latency of the accepted requests (the last try of each), ms. */
  p50: number;
  p99: number;
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

function post(agent: http.Agent, url: string, alert: AlertToSend): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${alert.key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(alert.body) };
    const request = http.request(url, { method: 'POST', agent, headers, timeout: 30_000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], text }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(alert.body);
  });
}

/** sendAlerts POSTs every alert to `${baseUrl}/api/v1/alerts` and resolves once each is accepted or given up. */
export async function sendAlerts(baseUrl: string, alerts: readonly AlertToSend[], options: SendOptions): Promise<SendResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = `${baseUrl}/api/v1/alerts`;
  const ids: Array<string | null> = alerts.map(() => null);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let withoutRetryAfter = 0;
  let next = 0;
  const started = Date.now();
  const count = (status: string) => (statuses[status] = (statuses[status] ?? 0) + 1);

  const sendOne = async (i: number) => {
    const giveUpAt = Date.now() + (options.giveUpMs ?? 180_000);
    for (;;) {
      const sent = performance.now();
      const answer = await post(agent, url, alerts[i]!).catch(() => null);
      count(answer ? String(answer.status) : 'network');
      if (answer?.status === 202) {
        latencies.push(performance.now() - sent);
        ids[i] = (JSON.parse(answer.text) as { id: string }).id;
        return;
      }
      const waitable = !answer || answer.status === 429 || answer.status === 502 || answer.status === 503;
      if (answer && (answer.status === 429 || answer.status === 503) && answer.retryAfter === undefined) withoutRetryAfter += 1;
      if (!options.retry || !waitable || Date.now() > giveUpAt) return;
      await sleep(answer?.retryAfter ? Number(answer.retryAfter) * 1000 : 200);
    }
  };
  const lane = async () => {
    while (next < alerts.length) {
      const i = next++;
      if (options.perSecond) {
        const due = started + (i / options.perSecond) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      await sendOne(i);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  const accepted = ids.filter((id) => id !== null).length;
  return { ids, statuses, withoutRetryAfter, seconds, perSecond: accepted / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
