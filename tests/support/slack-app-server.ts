// Klaxon's Slack endpoints on a local HTTP server, served exactly as `npm start` serves them, so the emulator
// can call them over real HTTP (signed, as Slack does); deferred work is tracked so tests can wait for it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveFastPath } from '@/lib/http/node-route';

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
  const served = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const running = work.finally(() => pending.delete(running));
    pending.add(running);
  };
  const server = http.createServer((req, res) => {
    const serving = serveFastPath(req, res, track).finally(() => served.delete(serving));
    served.add(serving);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    settled: async () => {
      while (served.size || pending.size) await Promise.all([...served, ...pending]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
