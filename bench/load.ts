// Load generation and statistics for the benchmark.
import autocannon from 'autocannon';
import http from 'node:http';

/** LoadResult is what a load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/** runLoad drives an endpoint with autocannon (in this process) and summarises the run. */
export async function runLoad(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ ...options, timeout: 30 });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** percentile returns the p-th percentile (0–100) of values (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** sleep waits ms milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * postJson POSTs a JSON body over kept-alive node:http connections and parses the JSON answer. The latency
 * scenarios send with it rather than fetch, whose own cost per request (~0.7 ms of CPU here) would be part of
 * what they measure, on the same two cores as the app.
 */
export function postJson<T>(url: string, headers: Record<string, string>, body: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: keptAlive, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(text) as T);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
