// Serves the Next.js app from this process (so the in-process worker and the app share one runtime),
// building it first when the production build is missing or older than the sources.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import next from 'next';
import { childProcessEnv, env } from '../env';
import { isFastPath, serveFastPath } from '../http/node-route';
import { closeGracefully } from './close-gracefully';

/** CLOSE_GRACE_MS bounds how long a stopping server waits for requests in flight. */
const CLOSE_GRACE_MS = 10_000;
import { canonicalLocation } from './one-host';

const root = process.cwd();
const SOURCES = ['app', 'lib', 'public', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt);
}

async function buildApp(log: (line: string) => void): Promise<void> {
  log('Building the web app (first start or sources changed) …');
  const nextBin = path.join(path.dirname(createRequire(import.meta.url).resolve('next/package.json')), 'dist', 'bin', 'next');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: childProcessEnv({ NODE_ENV: 'production' }),
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
}

/** NextServer is the running HTTP server of the app. */
export interface NextServer {
  close(): Promise<void>;
}

/** startNextServer serves the app on port (production build unless dev). */
export async function startNextServer(options: { port: number; dev: boolean; log: (line: string) => void }): Promise<NextServer> {
  if (!options.dev && !buildIsCurrent()) await buildApp(options.log);
  const app = next({ dev: options.dev, dir: root, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { appUrl } = env();
  const server = http.createServer((req, res) => {
    // One host for the browser: 127.0.0.1 when APP_URL says localhost (or the other way round) would split
    // the OAuth cookies between two sites, so the browser is sent to APP_URL's origin first.
    const canonical = canonicalLocation(req.method, req.url ?? '/', req.headers.host, appUrl);
    if (canonical) {
      res.writeHead(307, { Location: canonical, 'Content-Length': 0 }).end();
      return;
    }
    if (isFastPath(req)) void serveFastPath(req, res);
    else void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, resolve);
  });
  return {
    close: async () => {
      await closeGracefully(server, CLOSE_GRACE_MS);
      await app.close();
    },
  };
}
