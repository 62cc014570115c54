// A minimal HTTP server in front of Klaxon's Slack endpoints, so the emulator can call them over real HTTP
// (signed, as Slack does) from integration tests; deferred work is tracked so tests can wait for it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackCommandsEndpoint, slackEventsEndpoint, slackInteractionsEndpoint } from '@/lib/http/slack-endpoints';

/** SlackAppServer serves /api/slack/events, /api/slack/interactions and /api/slack/commands. */
export interface SlackAppServer {
  url: string;
  /** settled resolves when every piece of deferred work so far has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** startSlackAppServer listens on a random local port. */
export async function startSlackAppServer(): Promise<SlackAppServer> {
  const pending = new Set<Promise<void>>();
  const defer = (work: () => Promise<void>) => {
    const running = work().finally(() => pending.delete(running));
    pending.add(running);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])),
        body: Buffer.concat(chunks),
      });
      const endpoint = req.url?.startsWith('/api/slack/events')
        ? slackEventsEndpoint
        : req.url?.startsWith('/api/slack/commands')
          ? slackCommandsEndpoint
          : slackInteractionsEndpoint;
      void endpoint(request, defer).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
