// `npm run bench -- --scale` (issue 14, items 3 and 2): 20,000 unique alerts over 200 channels in 10 workspaces,
// first into one process as `npm start` runs it (worker in process), then into 2 app processes behind a
// round-robin proxy with 3 `npm run worker` processes on the same database; each run reconciled against the
// emulator's record. Then, on the scaled cluster: the per-key rate limit across both apps, and a rolling restart
// of 2 apps + 2 workers under load.
import { benchWorkspaces, startBenchCluster, type BenchCluster, type ClusterOptions } from './bench-app';
import { createApiKey } from './bench-setup';
import { sleep } from './load';
import { sendAlerts } from './send-alerts';
import { benchDatabase, describeStatuses, planAlerts, reconcileRun, setUpTenants, waitForDrain, type Tenant } from './workload';

type Report = (scenario: string, measured: string, target: string, pass: boolean | null) => void;

const ALERTS = Number(process.env.BENCH_SCALE_ALERTS ?? 20_000);
const RATE_LIMIT = Number(process.env.BENCH_RATE_LIMIT ?? 400);
const CONNECTIONS = 32;

interface Throughput {
  intake: number;
  p99: number;
  drainSeconds: number;
  postsPerSecond: number;
}

// Sends the plan as fast as the cluster takes it, waits for every post, and reconciles.
async function fullLoad(cluster: BenchCluster, tenants: Tenant[], label: string, record: Report): Promise<Throughput> {
  const db = benchDatabase(cluster.database.url);
  try {
    const plan = planAlerts(tenants, ALERTS, label);
    cluster.emulator.state.clearCalls();
    const started = Date.now();
    const sent = await sendAlerts(cluster.url, plan.alerts, { concurrency: CONNECTIONS, retry: true });
    const queued = await waitForDrain(db, 600_000);
    const outcome = await reconcileRun(cluster, db, plan, sent);
    const drainSeconds = (outcome.lastPostAt - started) / 1000;
    const result = { intake: sent.perSecond, p99: sent.p99, drainSeconds, postsPerSecond: outcome.reconciliation.posted / drainSeconds };
    console.log(`  ${label}: ${Math.round(sent.perSecond)} alerts/s accepted (p99 ${Math.round(sent.p99)} ms; ${describeStatuses(sent)}); all posted ${drainSeconds.toFixed(1)} s after the first send (${result.postsPerSecond.toFixed(0)} posts/s); ${outcome.line}`);
    const { lost, duplicated } = outcome.reconciliation;
    record(`${label}: every alert posted once per channel`, `${outcome.line}${queued > 0 ? `; ${queued} still queued` : ''}`, '0 lost, 0 duplicated', lost === 0 && duplicated === 0 && outcome.accepted === ALERTS && queued === 0);
    return result;
  } finally {
    await db.end();
  }
}

const metricValue = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
const rateLimited = async (cluster: BenchCluster, url: string) =>
  metricValue(await (await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${cluster.metricsToken}` } })).text(), /^klaxon_alerts_rejected_total\{reason="rate_limited"\} (\d+)/m);

// One key sends 2.5× its limit through the proxy for 6 s: the apps together must accept about the limit.
async function rateLimitAcrossApps(cluster: BenchCluster, tenants: Tenant[], record: Report) {
  const key = await createApiKey(cluster, tenants[0]!.cookie, 'over the limit');
  const offered = RATE_LIMIT * 2.5;
  const seconds = 6;
  // Unrouted alerts (no route matches): stored, never posted, so they leave no backlog at Slack's pace.
  const alerts = Array.from({ length: offered * seconds }, (_, n) => ({ key, body: JSON.stringify({ event_type: 'bench.unrouted', severity: 'info', title: `over ${n}`, dedup_key: `over/${Date.now()}/${n}` }) }));
  const before = await Promise.all(cluster.appUrls.map((url) => rateLimited(cluster, url)));
  const sent = await sendAlerts(cluster.url, alerts, { concurrency: 64, perSecond: offered, retry: false });
  const after = await Promise.all(cluster.appUrls.map((url) => rateLimited(cluster, url)));
  const accepted = sent.ids.filter(Boolean).length;
  // The bucket starts full (one second's worth), then refills at the limit.
  const allowed = RATE_LIMIT * sent.seconds + RATE_LIMIT;
  const perApp = after.map((n, i) => n - before[i]!);
  const measured = `${accepted} accepted of ${alerts.length} offered at ${Math.round(alerts.length / sent.seconds)}/s over ${sent.seconds.toFixed(1)} s (limit ${RATE_LIMIT}/s → ${Math.round(allowed)} allowed: ${Math.round((accepted / allowed) * 100)} %); 429s ${sent.statuses['429'] ?? 0} (by app: ${perApp.join(' / ')})`;
  console.log(`  rate limit: ${measured}`);
  record('per-key rate limit across 2 apps', measured, 'accepted within 10 % of the limit, both apps refusing', Math.abs(accepted / allowed - 1) <= 0.1 && perApp.every((n) => n > 0));
}

// 4,000 alerts at 100/s while app 1, app 2, worker 1 and worker 2 are restarted one after the other.
async function rollingRestart(cluster: BenchCluster, tenants: Tenant[], record: Report) {
  const db = benchDatabase(cluster.database.url);
  try {
    const plan = planAlerts(tenants, 4000, 'rolling restart');
    cluster.emulator.state.clearCalls();
    const sending = sendAlerts(cluster.url, plan.alerts, { concurrency: 16, perSecond: 100, retry: true });
    const steps: string[] = [];
    await sleep(3000);
    for (const [what, restart] of [
      ['app 1', () => cluster.restartApp(0)],
      ['app 2', () => cluster.restartApp(1)],
      ['worker 1', () => cluster.restartWorker(0)],
      ['worker 2', () => cluster.restartWorker(1)],
    ] as const) {
      const started = Date.now();
      await restart();
      steps.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const sent = await sending;
    const queued = await waitForDrain(db, 300_000);
    const outcome = await reconcileRun(cluster, db, plan, sent);
    console.log(`  rolling restart (${steps.join(', ')}): ${describeStatuses(sent)}; ${outcome.line}`);
    const { lost, duplicated } = outcome.reconciliation;
    record('rolling restart of 2 apps + 2 workers under load (SIGTERM, wait, start)', `${outcome.line}; answers ${describeStatuses(sent)}; restarts ${steps.join(', ')}`, '0 lost, 0 duplicated, every alert accepted', lost === 0 && duplicated === 0 && outcome.accepted === plan.alerts.length && queued === 0);
  } finally {
    await db.end();
  }
}

/** scaleRun runs the scale-out scenario on ports port…port+99. */
export async function scaleRun(port: number, record: Report): Promise<void> {
  const workspaces = benchWorkspaces(10, 20);
  const shapes: Array<[string, Omit<ClusterOptions, 'workspaces'>]> = [
    ['one process (npm start, worker in process)', { apps: 1, workers: 0, workerInProcess: true }],
    ['2 apps + 3 workers', { apps: 2, workers: 3, workerInProcess: false }],
  ];
  console.log(`\nScale-out: ${ALERTS} unique alerts over 200 channels in 10 workspaces, ${CONNECTIONS} connections through the proxy, Slack's pace on (1 post/s per channel); API_KEY_RATE_LIMIT ${RATE_LIMIT}`);
  const figures: Throughput[] = [];
  for (const [label, shape] of shapes) {
    const cluster = await startBenchCluster(port, { ...shape, workspaces, env: { API_KEY_RATE_LIMIT: String(RATE_LIMIT) } });
    try {
      (cluster.emulator.state.config as { pacing: boolean }).pacing = true;
      const tenants = await setUpTenants(cluster, workspaces);
      figures.push(await fullLoad(cluster, tenants, label, record));
      if (shape.apps > 1) {
        await rateLimitAcrossApps(cluster, tenants, record);
        await rollingRestart(cluster, tenants, record);
      }
    } finally {
      await cluster.stop();
    }
  }
  const [one, scaled] = figures as [Throughput, Throughput];
  record(
    'intake throughput, 2 apps + 3 workers vs one process',
    `${Math.round(scaled.intake)} vs ${Math.round(one.intake)} alerts/s (×${(scaled.intake / one.intake).toFixed(2)}), p99 ${Math.round(scaled.p99)} vs ${Math.round(one.p99)} ms`,
    'more than one process (the lead re-measures)',
    null,
  );
  record(
    'posting, 2 apps + 3 workers vs one process',
    `all posted in ${scaled.drainSeconds.toFixed(1)} vs ${one.drainSeconds.toFixed(1)} s (${scaled.postsPerSecond.toFixed(0)} vs ${one.postsPerSecond.toFixed(0)} posts/s; Slack's pace caps 200 channels at ~200/s)`,
    '—',
    null,
  );
}
