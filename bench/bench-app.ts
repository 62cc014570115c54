// The system under benchmark: Klaxon in production mode (npm start's code path, its worker in process as
// `npm start` runs it, or without it) against a real PostgreSQL and an in-process Slack emulator with a
// 200-channel workspace; separate worker processes can be added.
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
  /** startWorker starts a worker process and resolves once its loop runs. */
  startWorker(): Promise<ChildProcess>;
  stop(): Promise<void>;
}

function benchWorkspace(): SeedWorkspace {
  const [acme] = defaultWorkspaces();
  return { ...acme!, channels: [...acme!.channels, ...CHANNELS.map((id, i) => ({ id, name: `bench-${i}`, botJoinsOnInstall: true }))] };
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

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes(line)) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the process exited with code ${code} before printing "${line}"`)));
  });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not become healthy');
}

function stopChild(child: ChildProcess): Promise<unknown> {
  child.kill('SIGTERM');
  return new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
}

/** startBenchApp starts everything; the app runs its worker in process unless told otherwise. */
export async function startBenchApp(port: number, options: { workerInProcess: boolean }): Promise<BenchApp> {
  const database = await createTestDatabase(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);
  const secrets = { signingSecret: randomBytes(16).toString('hex'), clientId: 'bench.client', clientSecret: randomBytes(16).toString('hex') };
  const emulator = await startSlackEmulator({ ...secrets, pacing: false, workspaces: [benchWorkspace()] });
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
  const startApp = async (workerInProcess: boolean) => {
    const app = spawnScript('scripts/start.ts', { ...env, WORKER_IN_PROCESS: String(workerInProcess) }, 'app');
    await waitHealthy(url, app);
    return app;
  };
  const workers: ChildProcess[] = [];
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
    startWorker: async () => {
      const worker = spawnScript('scripts/worker.ts', env, 'worker');
      workers.push(worker);
      await waitForLine(worker, 'Delivery worker started.');
      return worker;
    },
    stop: async () => {
      for (const child of [...workers, bench.app]) await stopChild(child);
      await emulator.close();
      await database.drop();
    },
  };
  return bench;
}
