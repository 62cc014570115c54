// `npm run bench -- --faults` (issue 14, item 4): alerts keep coming while Slack, the workers or the database
// fail, and each case ends in a reconciliation against the emulator's record: 0 lost, 0 duplicated. The cluster
// is 1 app behind the proxy and 2 `npm run worker` processes, on a PostgreSQL of the run's own (embedded, in a
// temporary directory, on port+95) so that it can be stopped without touching any other.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/runtime/embedded-postgres';
import { benchWorkspaces, startBenchCluster, type BenchCluster } from './bench-app';
import { sleep } from './load';
import { sendAlerts } from './send-alerts';
import { benchDatabase, describeStatuses, planAlerts, reconcileRun, setUpTenants, waitForDrain, type Tenant } from './workload';

type Report = (scenario: string, measured: string, target: string, pass: boolean | null) => void;

const PER_SECOND = 30;
const SECONDS = Number(process.env.BENCH_FAULT_SECONDS ?? 15);
const RATE_LIMITED_SECONDS = Number(process.env.BENCH_FAULT_429_SECONDS ?? 30);

interface Case {
  /** BENCH_FAULT_CASES=429,postgres runs only the named cases. */
  id: string;
  name: string;
  tenants: Tenant[];
  seconds: number;
  /** Breaks something while the alerts are sent; resolves with a note for the report. */
  inject(): Promise<string> | string;
  /** An uninstalled workspace's alerts may end failed visibly instead of posted. */
  visibleTeams?: string[];
  /** What else the case must show (the database fault: 503s with Retry-After, no other 5xx). */
  check?(statuses: { [status: string]: number }, withoutRetryAfter: number): string | null;
}

async function runCase(cluster: BenchCluster, db: pg.Pool, c: Case, record: Report): Promise<void> {
  const count = PER_SECOND * c.seconds;
  console.log(`\n  ${c.name}: ${count} alerts at ${PER_SECOND}/s over ${c.tenants.length * 20} channels`);
  cluster.emulator.state.clearCalls();
  const plan = planAlerts(c.tenants, count, c.name);
  const sending = sendAlerts(cluster.url, plan.alerts, { concurrency: 16, perSecond: PER_SECOND, retry: true });
  const note = await c.inject();
  const sent = await sending;
  const drainStarted = Date.now();
  // Fault windows close by themselves (some outlast the load, as retries meet them); none outlasts its case.
  const queued = await waitForDrain(db, 300_000);
  cluster.emulator.state.faults.clear();
  const outcome = await reconcileRun(cluster, db, plan, sent, c.visibleTeams);
  const problem = c.check?.(sent.statuses, sent.withoutRetryAfter) ?? null;
  const { lost, duplicated } = outcome.reconciliation;
  const everyAccepted = c.visibleTeams ? true : outcome.accepted === count;
  const measured = `${outcome.line}; answers ${describeStatuses(sent)}; drained ${((Date.now() - drainStarted) / 1000).toFixed(0)} s after the load${note ? `; ${note}` : ''}${queued ? `; ${queued} STILL QUEUED` : ''}${problem ? `; ${problem}` : ''}`;
  console.log(`  → ${measured}`);
  record(`fault: ${c.name}`, measured, '0 lost, 0 duplicated', lost === 0 && duplicated === 0 && queued === 0 && everyAccepted && !problem);
}

// The run's own PostgreSQL: stopped and started again by the database case.
async function ownPostgres(port: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klaxon-bench-faults-'));
  const password = randomBytes(12).toString('hex');
  const start = () => startEmbeddedPostgres({ dataDir, port, password, log: () => undefined });
  let server: EmbeddedDatabase = await start();
  return {
    url: server.url,
    stop: () => server.stop(),
    start: async () => void (server = await start()),
    remove: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** faultRun runs every fault case on ports port…port+99. */
export async function faultRun(port: number, record: Report): Promise<void> {
  console.log(`\nFaults: 1 app behind the proxy, 2 workers, ${PER_SECOND} unique alerts/s, Slack's pace on; each case reconciled`);
  const postgres = await ownPostgres(port + 95);
  const workspaces = benchWorkspaces(3, 20);
  const cluster = await startBenchCluster(port, { apps: 1, workers: 2, workerInProcess: false, workspaces, databaseServerUrl: postgres.url });
  const db = benchDatabase(cluster.database.url);
  try {
    (cluster.emulator.state.config as { pacing: boolean }).pacing = true;
    const tenants = await setUpTenants(cluster, workspaces);
    const two = tenants.slice(0, 2);
    const faults = cluster.emulator.state.faults;
    const cases: Case[] = [
      {
        id: '429',
        name: `Slack answers 429 (Retry-After 2) to every call for ${RATE_LIMITED_SECONDS} s`,
        tenants: two,
        seconds: RATE_LIMITED_SECONDS,
        inject: () => (faults.during('*', { kind: 'fail', failure: { ratelimited: 2 } }, { ms: RATE_LIMITED_SECONDS * 1000 }), ''),
      },
      {
        id: '500',
        name: `Slack answers 500 to 20 % of calls for ${SECONDS} s`,
        tenants: two,
        seconds: SECONDS,
        inject: () => (faults.during('*', { kind: 'fail', failure: { status: 500 } }, { ms: SECONDS * 1000, ratio: 0.2 }), ''),
      },
      {
        id: 'late',
        name: `Slack posts but answers too late (10 % of posts answered after 12 s, past the 10 s client timeout) for ${SECONDS} s`,
        tenants: two,
        seconds: SECONDS,
        inject: () => (faults.during('chat.postMessage', { kind: 'late', ms: 12_000 }, { ms: SECONDS * 1000, ratio: 0.1 }), ''),
      },
      {
        id: 'late-history',
        name: `late answers as above while conversations.history answers 429 to 30 % of calls`,
        tenants: two,
        seconds: SECONDS,
        inject: () => {
          faults.during('chat.postMessage', { kind: 'late', ms: 12_000 }, { ms: SECONDS * 1000, ratio: 0.1 });
          faults.during('conversations.history', { kind: 'fail', failure: { ratelimited: 1 } }, { ms: (SECONDS + 30) * 1000, ratio: 0.3 });
          return '';
        },
      },
      {
        id: 'postgres',
        name: 'PostgreSQL stopped for 5 s mid-load',
        tenants: two,
        seconds: SECONDS,
        inject: async () => {
          await sleep(4000);
          await postgres.stop();
          const stoppedAt = Date.now();
          await sleep(1000);
          const health = await fetch(`${cluster.url}/api/health`).then((r) => `${r.status}${r.headers.get('retry-after') ? ` (Retry-After ${r.headers.get('retry-after')})` : ''}`, () => 'no answer');
          await sleep(Math.max(0, 5000 - (Date.now() - stoppedAt)));
          await postgres.start();
          const alive = [...cluster.apps, ...cluster.workers].filter((child) => child.exitCode === null && child.signalCode === null).length;
          return `health while down: ${health}; ${alive}/${cluster.apps.length + cluster.workers.length} processes alive after`;
        },
        check: (statuses, withoutRetryAfter) => {
          const other5xx = Object.entries(statuses).filter(([status]) => /^5/.test(status) && status !== '503');
          if (!statuses['503']) return 'NO 503 seen while the database was down';
          if (withoutRetryAfter > 0) return `${withoutRetryAfter} 503s WITHOUT Retry-After`;
          return other5xx.length > 0 ? `OTHER 5xx: ${other5xx.map(([s, n]) => `${s} ×${n}`).join(', ')}` : null;
        },
      },
      {
        id: 'sigkill',
        name: `SIGKILL of a worker every 3 s for ${SECONDS} s (each started again at once; Slack taking 300 ms per post)`,
        tenants: two,
        seconds: SECONDS,
        inject: async () => {
          // Slack takes 300 ms per post, so that a kill lands while the worker has posts under way.
          faults.during('chat.postMessage', { kind: 'delay', ms: 300 }, { ms: SECONDS * 1000 });
          let kills = 0;
          const until = Date.now() + (SECONDS - 2) * 1000;
          while (Date.now() < until) {
            await sleep(3000);
            await cluster.restartWorker(kills % cluster.workers.length, 'SIGKILL');
            kills += 1;
          }
          return `${kills} workers killed (a killed worker's posts come back when their 45 s lease ends)`;
        },
      },
      {
        id: 'uninstall',
        name: 'a workspace uninstalled mid-load (alerts to it and to another)',
        tenants: [tenants[0]!, tenants[2]!],
        seconds: SECONDS,
        visibleTeams: [tenants[2]!.team],
        inject: async () => {
          await sleep(5000);
          await cluster.emulator.state.uninstall(tenants[2]!.team);
          return `uninstalled ${tenants[2]!.team} at 5 s`;
        },
      },
    ];
    const wanted = process.env.BENCH_FAULT_CASES?.split(',');
    for (const c of cases) if (!wanted || wanted.includes(c.id)) await runCase(cluster, db, c, record);
    if (!wanted || wanted.includes('uninstall')) await uninstalledOutcome(db, tenants, record);
  } finally {
    await db.end();
    await cluster.stop();
    await postgres.remove();
  }
}

// After the uninstall case: the uninstalled workspace's deliveries say why they failed, the other's all went.
async function uninstalledOutcome(db: pg.Pool, tenants: Tenant[], record: Report) {
  const { rows } = await db.query<{ workspace_id: string; state: string; last_error: string | null; n: number }>(
    "SELECT workspace_id, state, last_error, count(*)::int AS n FROM deliveries WHERE workspace_id = ANY($1) AND state <> 'sent' GROUP BY 1, 2, 3",
    [[tenants[0]!.team, tenants[2]!.team]],
  );
  const gone = rows.filter((row) => row.workspace_id === tenants[2]!.team);
  const other = rows.filter((row) => row.workspace_id === tenants[0]!.team);
  const measured = `uninstalled workspace: ${gone.map((row) => `${row.n} ${row.state} (${row.last_error})`).join(', ') || 'none unsent'}; the other workspace: ${other.length === 0 ? 'every delivery sent' : other.map((row) => `${row.n} ${row.state}`).join(', ')}`;
  // A post under way when the tokens went fails with Slack's own reason (token_revoked): visible all the same.
  record('fault: uninstall — deliveries end visibly failed, others unaffected', measured, 'dead with a reason; others all sent', other.length === 0 && gone.every((row) => row.state === 'dead' && Boolean(row.last_error)));
}
