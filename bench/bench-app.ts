// The system under benchmark: Klaxon in production mode (npm start's code path, its worker in process as
// `npm start` runs it, or without it) against a real PostgreSQL and an in-process Slack emulator with a
// 200-channel workspace; or, for the scale-out and fault runs, a cluster: app processes behind a round-robin
// proxy (bench/proxy.ts) and `npm run worker` processes, each of which can be restarted or killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startSlackEmulator, type SlackEmulator } from '../emulator/server';
import { defaultWorkspaces, type SeedWorkspace } from '../emulator/seed';
import { createTestDatabase, type TestDatabase } from '../tests/support/test-database';

export const TEAM = 'T0ACME0001';
export const CHANNELS = Array.from({ length: 200 }, (_, i) => `C0BENCH${String(i).padStart(3, '0')}`);

/** BenchApp is the running system and how to talk to it. */
export interface BenchApp {
  url: string;
  emulator: SlackEmulator;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
  app: ChildProcess;
  /** METRICS_TOKEN of the app, for GET /api/metrics. */
  metricsToken: string;
  /** restart stops the app and starts it again, with or without its in-process worker. */
  restart(options: { workerInProcess: boolean }): Promise<void>;
  stop(): Promise<void>;
}

function benchWorkspace(): SeedWorkspace {
  const [acme] = defaultWorkspaces();
  return { ...acme!, channels: [...acme!.channels, ...CHANNELS.map((id, i) => ({ id, name: `bench-${i}`, botJoinsOnInstall: true }))] };
}

/**
 * benchWorkspaces builds `count` copies of the Acme sandbox (own team, user, bot and channel ids: `ACME` becomes
 * `B0nn`), each with `channels` more channels the bot joins on install; channelsOf lists those per team.
 */
export function benchWorkspaces(count: number, channels: number): SeedWorkspace[] {
  const [acme] = defaultWorkspaces();
  return Array.from({ length: count }, (_, n) => {
    const code = `B${String(n).padStart(3, '0')}`;
    const copy = JSON.parse(JSON.stringify(acme).replaceAll('ACME', code).replaceAll('acme', code.toLowerCase())) as SeedWorkspace;
    return { ...copy, name: `Bench ${n}`, channels: [...copy.channels, ...Array.from({ length: channels }, (_, i) => ({ id: `C0${code}X${String(i).padStart(3, '0')}`, name: `bench-${i}`, botJoinsOnInstall: true }))] };
  });
}

/** channelsOf lists the benchmark channels benchWorkspaces gave a workspace, in order. */
export function channelsOf(workspace: SeedWorkspace): string[] {
  return workspace.channels.filter((channel) => /X\d{3}$/.test(channel.id)).map((channel) => channel.id);
}

function spawnScript(script: string, env: NodeJS.ProcessEnv, label: string): ChildProcess {
  // `--import tsx` keeps the script in this child process itself, so its pid is the one to measure.
  // BENCH_NODE_ARGS adds Node flags for profiling (e.g. `--cpu-prof --trace-gc`); BENCH_STDOUT_DIR keeps each
  // process's standard output there instead of dropping it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--max-old-space-size=256', ...nodeArgs, '--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${label}] ${chunk.toString()}`));
  const stdoutDir = process.env.BENCH_STDOUT_DIR;
  if (stdoutDir) child.stdout?.pipe(fs.createWriteStream(path.join(stdoutDir, `${label}-${child.pid}.log`)));
  else child.stdout?.resume();
  return child;
}

async function waitHealthy(healthUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${healthUrl}: the process exited with code ${child.exitCode}`);
    const ok = await fetch(healthUrl).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${healthUrl} did not become healthy`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(null);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  return exited;
}

interface Base {
  url: string;
  emulator: SlackEmulator;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
}

// The database, the emulator and the environment every Klaxon process of a run shares; `url` is where the
// browser and Slack reach Klaxon (the app, or the proxy in front of the apps).
async function startBase(port: number, workspaces: SeedWorkspace[], options: { databaseServerUrl?: string; emulatorPort?: number } = {}): Promise<Base> {
  const database = await createTestDatabase(options.databaseServerUrl ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  const secrets = { signingSecret: randomBytes(16).toString('hex'), clientId: 'bench.client', clientSecret: randomBytes(16).toString('hex') };
  const emulator = await startSlackEmulator({ ...secrets, port: options.emulatorPort, pacing: false, workspaces });
  const url = `http://localhost:${port}`;
  emulator.setAppUrl(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    APP_URL: url,
    DATABASE_URL: database.url,
    SLACK_CLIENT_ID: secrets.clientId,
    SLACK_CLIENT_SECRET: secrets.clientSecret,
    SLACK_SIGNING_SECRET: secrets.signingSecret,
    SLACK_API_URL: emulator.apiUrl,
    SLACK_AUTHORIZE_URL: emulator.authorizeUrl,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    API_KEY_RATE_LIMIT: '1000000',
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  return { url, emulator, database, env };
}

/** startBenchApp starts everything; the app runs its worker in process unless told otherwise. */
export async function startBenchApp(port: number, options: { workerInProcess: boolean }): Promise<BenchApp> {
  const { url, emulator, database, env } = await startBase(port, [benchWorkspace()]);
  const startApp = async (workerInProcess: boolean) => {
    const app = spawnScript('scripts/start.ts', { ...env, WORKER_IN_PROCESS: String(workerInProcess) }, 'app');
    await waitHealthy(`${url}/api/health`, app);
    return app;
  };
  const bench: BenchApp = {
    url,
    emulator,
    database,
    env,
    app: await startApp(options.workerInProcess),
    metricsToken: env.METRICS_TOKEN!,
    restart: async ({ workerInProcess }) => {
      await stopChild(bench.app);
      bench.app = await startApp(workerInProcess);
    },
    stop: async () => {
      await stopChild(bench.app);
      await emulator.close();
      await database.drop();
    },
  };
  return bench;
}

/** ClusterOptions shape a cluster: app processes (the worker in them or not) and worker processes. */
export interface ClusterOptions {
  apps: number;
  workers: number;
  /** WORKER_IN_PROCESS of the apps: true is one `npm start`, false the production guide's app role. */
  workerInProcess: boolean;
  workspaces: SeedWorkspace[];
  /** The PostgreSQL server to create the run's database on (default: TEST_DATABASE_URL, DATABASE_URL, embedded). */
  databaseServerUrl?: string;
  /** Variables that differ from the benchmark's defaults (API_KEY_RATE_LIMIT, say). */
  env?: Record<string, string>;
}

/**
 * BenchCluster is Klaxon as the production guide runs it: `apps` app processes on ports port+1…, a round-robin
 * proxy in front of them on `port` (the url), and `workers` worker processes serving /health and /metrics on
 * port+51…, all on one database and one emulator (on port+90).
 */
export interface BenchCluster {
  url: string;
  emulator: SlackEmulator;
  database: TestDatabase;
  env: NodeJS.ProcessEnv;
  metricsToken: string;
  appUrls: string[];
  workerUrls: string[];
  apps: ChildProcess[];
  workers: ChildProcess[];
  /** restartApp stops app i with SIGTERM, waits for it to exit, starts it again and waits until it is healthy. */
  restartApp(i: number): Promise<void>;
  /** restartWorker does the same for worker i; with SIGKILL it is killed instead of asked to stop. */
  restartWorker(i: number, signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** startBenchCluster starts the database, the emulator, the workers, the apps and the proxy. */
export async function startBenchCluster(port: number, options: ClusterOptions): Promise<BenchCluster> {
  const base = await startBase(port, options.workspaces, { databaseServerUrl: options.databaseServerUrl, emulatorPort: port + 90 });
  const env: NodeJS.ProcessEnv = { ...base.env, ...options.env, WORKER_IN_PROCESS: String(options.workerInProcess) };
  const appUrls = Array.from({ length: options.apps }, (_, i) => `http://127.0.0.1:${port + 1 + i}`);
  const workerUrls = Array.from({ length: options.workers }, (_, i) => `http://127.0.0.1:${port + 51 + i}`);
  const startApp = async (i: number) => {
    const app = spawnScript('scripts/start.ts', { ...env, PORT: String(port + 1 + i) }, `app${i}`);
    await waitHealthy(`${appUrls[i]}/api/health`, app);
    return app;
  };
  const startWorker = async (i: number) => {
    const worker = spawnScript('scripts/worker.ts', { ...env, WORKER_METRICS_PORT: String(port + 51 + i) }, `worker${i}`);
    await waitHealthy(`${workerUrls[i]}/health`, worker);
    return worker;
  };
  const workers = await Promise.all(workerUrls.map((_, i) => startWorker(i)));
  // One at a time: the first start runs the migrations check and builds nothing twice.
  const apps: ChildProcess[] = [];
  for (let i = 0; i < options.apps; i += 1) apps.push(await startApp(i));
  const proxy = spawnScript('bench/proxy.ts', { ...process.env, PROXY_PORT: String(port), PROXY_BACKENDS: appUrls.map((u) => new URL(u).port).join(',') }, 'proxy');
  await waitHealthy(`${base.url}/api/health`, proxy);
  const cluster: BenchCluster = {
    ...base,
    env,
    metricsToken: env.METRICS_TOKEN!,
    appUrls,
    workerUrls,
    apps,
    workers,
    restartApp: async (i) => {
      await stopChild(apps[i]!);
      apps[i] = await startApp(i);
    },
    restartWorker: async (i, signal = 'SIGTERM') => {
      await stopChild(workers[i]!, signal);
      workers[i] = await startWorker(i);
    },
    stop: async () => {
      await Promise.all([...apps, ...workers, proxy].map((child) => stopChild(child)));
      await base.emulator.close();
      await base.database.drop();
    },
  };
  return cluster;
}
