// The scale-out and fault runs' shared workload: tenants (installed workspaces, each with an API key and one route
// per channel), unique alerts spread over their channels, waiting for the outbox to drain, and the
// reconciliation of what was accepted against what Slack got.
import fs from 'node:fs';
import pg from 'pg';
import type { SeedWorkspace } from '../emulator/seed';
import { channelsOf, type BenchCluster } from './bench-app';
import { addRoute, setUpWorkspace } from './bench-setup';
import { sleep } from './load';
import { describeReconciliation, postedMessages, reconcile, type Expected, type Post, type Reconciliation } from './reconcile';
import type { AlertToSend, SendResult } from './send-alerts';

/** Tenant is an installed workspace: its API key, session cookie and channels (route i: `bench.c<i>` → channel i). */
export interface Tenant {
  team: string;
  key: string;
  cookie: string;
  channels: string[];
}

/** setUpTenants installs Klaxon in each workspace and adds a route per benchmark channel (never folding into digests). */
export async function setUpTenants(cluster: Pick<BenchCluster, 'url'>, workspaces: SeedWorkspace[]): Promise<Tenant[]> {
  const tenants: Tenant[] = [];
  for (const workspace of workspaces) {
    const { key, cookie } = await setUpWorkspace(cluster, workspace.id);
    const channels = channelsOf(workspace);
    for (let i = 0; i < channels.length; i += 1) {
      await addRoute(cluster, key, { name: `bench ${i}`, event_types: [`bench.c${i}`], severities: ['critical'], channels: [channels[i]!], storm_limit: 0 });
    }
    tenants.push({ team: workspace.id, key, cookie, channels });
  }
  return tenants;
}

/** Plan is a list of alerts to send and, for each, the tenant and channel it must reach. */
export interface Plan {
  alerts: AlertToSend[];
  targets: Array<{ team: string; channel: string }>;
}

/** planAlerts makes `count` unique alerts, round robin over the tenants and, within each, over its channels. */
export function planAlerts(tenants: readonly Tenant[], count: number, label: string): Plan {
  const run = `${label}/${process.pid}/${Date.now()}`;
  const plan: Plan = { alerts: [], targets: [] };
  for (let n = 0; n < count; n += 1) {
    const tenant = tenants[n % tenants.length]!;
    const c = Math.floor(n / tenants.length) % tenant.channels.length;
    const body = JSON.stringify({ event_type: `bench.c${c}`, severity: 'critical', title: `${label} alert ${n}`, dedup_key: `${run}/${n}`, source: 'bench', fields: { n } });
    plan.alerts.push({ key: tenant.key, body });
    plan.targets.push({ team: tenant.team, channel: tenant.channels[c]! });
  }
  return plan;
}

/** benchDatabase opens a pool on the run's database that survives the server going away (the PostgreSQL fault). */
export function benchDatabase(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * waitForDrain waits until no post is queued or under way (every delivery sent, folded or dead), at most
 * timeoutMs; resolves with the number still queued (0: drained).
 */
export async function waitForDrain(db: pg.Pool, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let queued = Infinity;
  while (Date.now() < deadline) {
    queued = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE state IN ('pending', 'failed')").then((r) => r.rows[0]!.n, () => Infinity);
    if (queued === 0) break;
    await sleep(500);
  }
  // A post whose answer was lost may still land a moment after its delivery was recorded: let it, then count.
  await sleep(2000);
  return queued;
}

/** Outcome is a run's reconciliation and when its last expected post went out. */
export interface Outcome {
  reconciliation: Reconciliation;
  lastPostAt: number;
  /** Accepted alerts of the plan. */
  accepted: number;
  line: string;
}

/**
 * reconcileRun checks every accepted alert of the plan against the emulator's record. Alerts of `visibleTeams`
 * (an uninstalled workspace) may instead end with a dead delivery that says why.
 */
export async function reconcileRun(cluster: Pick<BenchCluster, 'emulator'>, db: pg.Pool, plan: Plan, sent: SendResult, visibleTeams: string[] = []): Promise<Outcome> {
  const expected: Expected[] = [];
  sent.ids.forEach((alertId, i) => alertId && expected.push({ alertId, channel: plan.targets[i]!.channel }));
  const { rows } = await db.query<{ alert_id: string }>("SELECT alert_id FROM deliveries WHERE state = 'dead' AND workspace_id = ANY($1)", [visibleTeams]);
  const posts = postedMessages(cluster.emulator.state.calls('chat.postMessage'));
  const reconciliation = reconcile(expected, posts, new Set(rows.map((row) => row.alert_id)));
  const ids = new Set(expected.map((e) => e.alertId));
  if (process.env.BENCH_DUMP && reconciliation.duplicated + reconciliation.lost > 0) await dumpMismatches(cluster, db, expected, posts, process.env.BENCH_DUMP);
  let lastPostAt = 0;
  for (const [deliveryId, list] of posts) if (ids.has(deliveryId.replace(/_\d+$/, ''))) for (const post of list) lastPostAt = Math.max(lastPostAt, post.at);
  return { reconciliation, lastPostAt, accepted: expected.length, line: describeReconciliation(reconciliation) };
}

// BENCH_DUMP=<file>: when a run loses or doubles posts, the Slack calls and the delivery and alert rows of (up to
// 20 of) each, as JSON, to find out why.
async function dumpMismatches(cluster: Pick<BenchCluster, 'emulator'>, db: pg.Pool, expected: Expected[], posts: ReadonlyMap<string, Post[]>, file: string) {
  const doubled = [...posts].filter(([, list]) => list.length > 1).slice(0, 20).map(([deliveryId]) => deliveryId);
  const lost = expected.filter((e) => ![...posts.keys()].some((id) => id.startsWith(`${e.alertId}_`))).slice(0, 20).map((e) => e.alertId);
  const alertIds = [...doubled.map((id) => id.replace(/_\d+$/, '')), ...lost];
  const calls = cluster.emulator.state.calls().filter((call) => alertIds.some((id) => JSON.stringify(call.params).includes(id)));
  const deliveries = (await db.query('SELECT * FROM deliveries WHERE alert_id = ANY($1)', [alertIds])).rows;
  const alerts = (await db.query('SELECT id, dedup_key, occurrences, status, created_at, updated_at FROM alerts WHERE id = ANY($1)', [alertIds])).rows;
  fs.writeFileSync(file, JSON.stringify({ doubled, lost, calls, deliveries, alerts }, null, 1));
}

/** describeStatuses lists the answers a run got: "202 ×20000, 429 ×12". */
export function describeStatuses(sent: SendResult): string {
  return Object.entries(sent.statuses)
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');
}
