// Sends generated requests over real HTTP (kept-alive connections, a few at a time) and keeps what a user
// would call a bug: any 5xx answer, and any request the server did not answer at all.
import http from 'node:http';
import fc from 'fast-check';
import { fuzzRequests, type FuzzContext, type FuzzRequest } from './requests';

/** FuzzFailure is a request that got a 5xx or no answer. */
export interface FuzzFailure {
  request: FuzzRequest;
  status: number | null;
  answer: string;
}

/** FuzzStats counts the answers by status and by generator. */
export interface FuzzStats {
  sent: number;
  byStatus: Record<string, number>;
  byLabel: Record<string, number>;
  failures: FuzzFailure[];
  seconds: number;
}

function send(baseUrl: string, agent: http.Agent, request: FuzzRequest): Promise<{ status: number | null; answer: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body) }) }, agent, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? null, answer: Buffer.concat(chunks).toString('utf8').slice(0, 2000) }));
        response.on('error', (error) => resolve({ status: null, answer: String(error) }));
      },
    );
    } catch (error) {
      // Node itself refuses to send it (a header with a control character): no request, nothing to judge.
      return resolve({ status: -1, answer: String(error) });
    }
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', (error) => resolve({ status: null, answer: String(error) }));
    outgoing.end(request.body);
  });
}

/** runFuzz sends `count` requests generated from `seed`, `concurrency` at a time. */
export async function runFuzz(options: { baseUrl: string; context: FuzzContext; count: number; seed: number; concurrency?: number; onProgress?: (stats: FuzzStats) => void }): Promise<FuzzStats> {
  const started = Date.now();
  const stats: FuzzStats = { sent: 0, byStatus: {}, byLabel: {}, failures: [], seconds: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency ?? 8 });
  const arbitrary = fuzzRequests(options.context);
  // Generated in batches from one seeded stream, so a run is reproducible from its seed.
  const batch = 500;
  let generated = 0;
  let seed = options.seed;
  while (generated < options.count) {
    const requests = fc.sample(arbitrary, { numRuns: Math.min(batch, options.count - generated), seed });
    seed += 1;
    generated += requests.length;
    let next = 0;
    const lane = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const { status, answer } = await send(options.baseUrl, agent, request);
        stats.sent += 1;
        if (status === -1) continue;
        const key = status === null ? 'no answer' : String(status);
        stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
        stats.byLabel[request.label] = (stats.byLabel[request.label] ?? 0) + 1;
        if (status === null || status >= 500) stats.failures.push({ request: { ...request, body: request.body?.slice(0, 2000) }, status, answer });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, lane));
    options.onProgress?.(stats);
  }
  agent.destroy();
  stats.seconds = (Date.now() - started) / 1000;
  return stats;
}
