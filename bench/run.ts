// `npm run bench`: Klaxon's performance figures on this machine (never part of `npm test`).
// Prints a table of each scenario against its target, and the command that produced it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CHANNELS, startBenchApp, TEAM, type BenchApp } from './bench-app';
import { alertmanagerIntake, AM_EVENT_TYPE } from './alertmanager-intake';
import { addRoute, setUpWorkspace } from './bench-setup';
import { percentile, postJson, runLoad, sleep } from './load';
import { scrapePostStages, stageBreakdown } from './post-stages';
import { postedMessages } from './reconcile';
import { scaleRun } from './scale';
import { faultRun } from './faults';
import type autocannon from 'autocannon';

interface Row {
  scenario: string;
  measured: string;
  target: string;
  pass: boolean | null;
}

const rows: Row[] = [];
const record = (scenario: string, measured: string, target: string, pass: boolean | null) => {
  rows.push({ scenario, measured, target, pass });
  console.log(`  ${scenario}: ${measured} (target ${target})`);
};

const alertBody = (eventType: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ event_type: eventType, severity: 'critical', title: `Benchmark ${eventType}`, source: 'bench', fields: { region: 'eu-1', attempt: 1 }, ...extra });

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

// Every request its own alert (title and dedup key), as an alert storm is: no request bumps another's alert.
function uniqueAlerts(eventTypes: string[]): autocannon.Request[] {
  let n = 0;
  const run = `${process.pid}-${Date.now()}`;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        n += 1;
        return { ...request, body: alertBody(eventTypes[n % eventTypes.length]!, { title: `Storm alert ${n}`, dedup_key: `storm/${run}/${n}` }) };
      },
    },
  ];
}

const INTAKE_TYPES = ['intake.c0', 'intake.c1'];

async function intakeRun(bench: BenchApp, key: string, db: pg.Client, label: string) {
  const options = { url: `${bench.url}/api/v1/alerts`, method: 'POST' as const, connections: 32, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } };
  await runLoad({ ...options, duration: 5, requests: uniqueAlerts(INTAKE_TYPES) });
  // The warm-up's last requests may still be in flight: let them land before counting.
  await sleep(1000);
  const countIntake = async () => Number((await db.query<{ count: string }>("SELECT count(*) FROM alerts WHERE event_type LIKE 'intake.%'")).rows[0]!.count);
  const before = await countIntake();
  const result = await runLoad({ ...options, duration: 20, requests: uniqueAlerts(INTAKE_TYPES) });
  const committed = (await countIntake()) - before;
  console.log(`  ${label}: ${Math.round(result.requestsPerSecond)} alerts/s, p50 ${result.p50} ms, p99 ${result.p99} ms; ${result.ok} accepted, ${committed} committed, ${result.failed} failed`);
  // Requests still in flight when the clock stops are committed but not counted: at most one per connection.
  return { ...result, committed, lost: result.ok > committed || committed - result.ok > 32 || result.failed > 0 };
}

const queuedPosts = async (db: pg.Client) =>
  Number((await db.query<{ count: string }>("SELECT count(*) FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.event_type LIKE 'intake.%' AND d.state IN ('pending', 'failed')")).rows[0]!.count);

async function intakeUnderBacklog(bench: BenchApp, key: string, db: pg.Client): Promise<number> {
  console.log('\n1. Intake of unique alerts, 32 clients over 2 routes/channels, 20 s each (after 5 s warm-up): first without a worker, then as `npm start` runs (worker in process) with that backlog draining');
  await bench.restart({ workerInProcess: false });
  const alone = await intakeRun(bench, key, db, 'no worker');
  const backlog = await queuedPosts(db);
  await bench.restart({ workerInProcess: true });
  (bench.emulator.state.config as { pacing: boolean }).pacing = true;
  bench.emulator.state.clearCalls();
  const withWorker = await intakeRun(bench, key, db, `worker in process, ${backlog} posts queued on 2 channels`);
  const drainStart = Date.now();
  await sleep(20_000);
  const messages = postedMessages(bench.emulator.state.calls('chat.postMessage'));
  const posts = [...messages.values()];
  const drained = posts.filter((list) => list[0]!.at >= drainStart).length;
  const duplicates = posts.filter((list) => list.length > 1).length;
  const limited = bench.emulator.state.calls('chat.postMessage').filter((call) => call.status === 429).length;
  const { rows: [counts] } = await db.query<{ dead: string; alerts: string; deliveries: string }>(
    "SELECT count(*) FILTER (WHERE d.state = 'dead') AS dead, count(DISTINCT a.id) AS alerts, count(*) AS deliveries FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.event_type LIKE 'intake.%'",
  );
  const ratio = withWorker.requestsPerSecond / alone.requestsPerSecond;
  record('intake, no worker (unique alerts)', `${Math.round(alone.requestsPerSecond)} alerts/s, p99 ${alone.p99} ms`, 'the baseline', null);
  record(
    'intake, worker in process, backlog ≥ 10,000 on 2 channels',
    `${Math.round(withWorker.requestsPerSecond)} alerts/s (${Math.round(ratio * 100)} % of no worker), p99 ${withWorker.p99} ms; ${backlog} queued before`,
    '≥ 90 % of no worker, p99 < 50 ms',
    ratio >= 0.9 && withWorker.p99 < 50 && backlog >= 10_000,
  );
  record(
    'intake backlog: lost / duplicated / drain',
    `${alone.lost || withWorker.lost ? 'LOST' : '0'} lost (${counts!.alerts} alerts, ${counts!.deliveries} deliveries, ${counts!.dead} dead), ${duplicates} duplicated, ${(drained / 20 / 2).toFixed(2)} posts/s per channel, ${limited} answered 429`,
    "0 lost, 0 duplicated, ≈ 1/s per channel (Slack's pace)",
    !alone.lost && !withWorker.lost && counts!.dead === '0' && duplicates === 0 && drained / 20 / 2 >= 0.9,
  );
  (bench.emulator.state.config as { pacing: boolean }).pacing = false;
  // Both channels could only take these at Slack's pace (hours): drop them so later scenarios start idle.
  await db.query("UPDATE deliveries SET state = 'dead', last_error = 'bench: discarded' WHERE state IN ('pending', 'failed') AND alert_id IN (SELECT id FROM alerts WHERE event_type LIKE 'intake.%')");
  await db.query('VACUUM ANALYZE deliveries, alerts, alert_activity');
  return alone.requestsPerSecond;
}

const LATENCY_CHANNELS = 100;

// Sends one alert every 20 ms, round robin over the latency channels; resolves with when each was sent.
async function postAtFiftyPerSecond(bench: BenchApp, key: string, count: number): Promise<Array<{ id: string; at: number }>> {
  const sent: Array<{ id: string; at: number }> = [];
  const posts: Promise<void>[] = [];
  const started = Date.now();
  for (let i = 0; i < count; i += 1) {
    const due = started + i * 20;
    if (due > Date.now()) await sleep(due - Date.now());
    const at = Date.now();
    posts.push(
      postJson<{ id: string }>(`${bench.url}/api/v1/alerts`, { authorization: `Bearer ${key}` }, alertBody(`lat.c${i % LATENCY_CHANNELS}`, { title: `Latency ${i}`, dedup_key: `lat/${Date.now()}/${i}` })).then(
        ({ id }) => void sent.push({ id, at }),
      ),
    );
  }
  await Promise.all(posts);
  return sent;
}

async function endToEnd(bench: BenchApp, key: string): Promise<string[]> {
  console.log('\n2. End to end: POST → chat.postMessage at the emulator, 50 unique alerts/s over 100 channels, 20 s (after a 5 s warm-up), worker in process');
  await postAtFiftyPerSecond(bench, key, 250);
  await sleep(2000);
  bench.emulator.state.clearCalls();
  const stagesBefore = await scrapePostStages(bench);
  // Collect the warm-up's garbage now (`npm run bench` exposes gc): a full collection of this process — the load
  // client and the Slack emulator — would otherwise land inside the measured window and be counted as Klaxon's.
  (globalThis as { gc?: () => void }).gc?.();
  const sent = await postAtFiftyPerSecond(bench, key, 1000);
  await sleep(3000);
  const stages = stageBreakdown(stagesBefore, await scrapePostStages(bench));
  const messages = postedMessages(bench.emulator.state.calls('chat.postMessage'));
  // Each alert's latency to its first post (NaN if never posted), in sending order.
  const series = sent.map(({ id, at }) => [at - sent[0]!.at, (messages.get(`${id}_1`)?.[0]?.at ?? NaN) - at] as const);
  const latencies = series.map(([, latency]) => latency).filter((latency) => !Number.isNaN(latency));
  if (process.env.BENCH_DUMP) fs.writeFileSync(`${process.env.BENCH_DUMP}-e2e.json`, JSON.stringify({ startedAt: sent[0]!.at, series }));
  record('end-to-end post latency p50 / p99', `${percentile(latencies, 50)} ms / ${percentile(latencies, 99)} ms (${latencies.length}/${sent.length} posted)`, 'p99 ≤ 10 ms', percentile(latencies, 99) <= 10 && latencies.length === sent.length);
  record('where a first post spends its time (mean / p99 from buckets)', stages ?? 'n/a (GET /api/metrics unavailable)', '—', null);
  return sent.map((s) => s.id);
}

async function ackToUpdate(bench: BenchApp, key: string, ids: string[], db: pg.Client) {
  console.log('\n3. Acknowledge through the API → chat.update at the emulator, 200 alerts at 20/s');
  const sample = ids.slice(0, 200);
  const { rows: deliveries } = await db.query<{ alert_id: string; message_ts: string }>('SELECT alert_id, message_ts FROM deliveries WHERE alert_id = ANY($1)', [sample]);
  const tsOf = new Map(deliveries.map((d) => [d.alert_id, d.message_ts]));
  const started: Array<{ ts: string; at: number }> = [];
  for (const id of sample) {
    started.push({ ts: tsOf.get(id)!, at: Date.now() });
    await fetch(`${bench.url}/api/v1/alerts`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'acknowledge', dedup_key: id }) });
    await sleep(50);
  }
  await sleep(3000);
  const updates = new Map<string, number>();
  for (const call of bench.emulator.state.calls('chat.update')) if (call.ok && !updates.has(String(call.params.ts))) updates.set(String(call.params.ts), Date.parse(call.at));
  const latencies = started.flatMap(({ ts, at }) => (updates.has(ts) ? [updates.get(ts)! - at] : []));
  record('acknowledge → chat.update p50 / p99', `${percentile(latencies, 50)} ms / ${percentile(latencies, 99)} ms (${latencies.length}/${sample.length})`, 'p50 < 100 ms', percentile(latencies, 50) < 100);
}



// Slack traffic comes in bursts (a page of people clicking at once): 50 concurrent requests every second,
// sent by a separate process (bench/burst-client.ts).
async function bursts(bench: BenchApp, kind: 'interactions' | 'events', ids: string[]) {
  const config = { url: `${bench.url}/api/slack/${kind}`, secret: bench.env.SLACK_SIGNING_SECRET!, kind, team: TEAM, channel: CHANNELS[0], ids, seconds: 10 };
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/burst-client.ts', JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(output) as { p50: number; p99: number; count: number; failed: number };
}

async function slackAcks(bench: BenchApp, ids: string[]) {
  console.log('\n4. Time to answer Slack: bursts of 50 concurrent signed requests every second, 10 s each');
  for (const kind of ['interactions', 'events'] as const) {
    const result = await bursts(bench, kind, ids);
    record(`/api/slack/${kind} p50 / p99`, `${result.p50.toFixed(0)} ms / ${result.p99.toFixed(0)} ms (${result.count} requests, ${result.failed} failed)`, 'p99 < 100 ms', result.p99 < 100 && result.failed === 0);
  }
}

async function overload(bench: BenchApp, key: string, db: pg.Client) {
  console.log('\n5. Overload: 3,000 alerts/s offered for 20 s to 10 channels, emulator pacing on');
  (bench.emulator.state.config as { pacing: boolean }).pacing = true;
  bench.emulator.state.clearCalls();
  let peakRss = rssMb(bench.app.pid!);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(bench.app.pid!))), 250);
  let n = 0;
  const result = await runLoad({
    url: `${bench.url}/api/v1/alerts`,
    method: 'POST',
    connections: 64,
    duration: 20,
    overallRate: 3000,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: alertBody(`over.c${(n += 1) % 10}`) }) }],
  });
  const drainStart = Date.now();
  await sleep(20_000);
  clearInterval(sampler);
  const { rows: [counts] } = await db.query<{ alerts: string; deliveries: string; dead: string }>(
    "SELECT (SELECT count(*) FROM alerts WHERE event_type LIKE 'over.%') AS alerts, count(*) AS deliveries, count(*) FILTER (WHERE d.state = 'dead') AS dead FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.event_type LIKE 'over.%'",
  );
  const messages = postedMessages(bench.emulator.state.calls('chat.postMessage'));
  const duplicates = [...messages.values()].filter((list) => list.length > 1).length;
  const drained = [...messages.values()].filter((list) => list[0]!.at >= drainStart).length;
  const limited = bench.emulator.state.calls('chat.postMessage').filter((call) => call.status === 429).length;
  const committed = Number(counts!.alerts);
  record('overload accepted / committed', `${result.ok} accepted at ${Math.round(result.requestsPerSecond)}/s, ${committed} committed, ${counts!.deliveries} deliveries, ${counts!.dead} dead`, '0 lost', committed >= result.ok && committed - result.ok <= 64 && Number(counts!.deliveries) === committed && counts!.dead === '0');
  record('overload drain rate', `${(drained / 20 / 10).toFixed(2)} posts/s per channel (the 20 s after the load), ${limited} answered 429`, "≈ 1/s per channel (Slack's pace)", drained > 0);
  record('overload duplicated posts', String(duplicates), '0', duplicates === 0);
  record('overload app RSS (peak)', `${Math.round(peakRss)} MB`, '< 400 MB', peakRss < 400);
}

const STORM_TYPES = ['storm.c0', 'storm.c1'];
const STORM_OFFERED = 3_000;

// The most top-level posts one channel got in any 60 s window.
function maxPostsPerMinute(ats: number[]): number {
  const sorted = [...ats].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= 60_000) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

// The storm's intake is held to the outbox issue's target: ≥ 90 % of what the app takes without a worker (as far
// as 3,000/s are offered), p99 < 50 ms. Without the intake scenario in the same run there is no baseline to hold it to.
async function storm(bench: BenchApp, key: string, db: pg.Client, noWorker: number | null) {
  const seconds = Number(process.env.BENCH_STORM_SECONDS ?? 20);
  console.log(`\n6. Storm: 3,000 alerts/s offered for ${seconds} s over 2 channels that fold into digests past 10 posts/min, emulator pacing on`);
  (bench.emulator.state.config as { pacing: boolean }).pacing = true;
  bench.emulator.state.clearCalls();
  const channels = STORM_TYPES.map((_, i) => CHANNELS[120 + i]!);
  let n = 0;
  const run = `${process.pid}-${Date.now()}`;
  const result = await runLoad({
    url: `${bench.url}/api/v1/alerts`,
    method: 'POST',
    connections: 64,
    duration: seconds,
    overallRate: STORM_OFFERED,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          n += 1;
          const eventType = STORM_TYPES[n % STORM_TYPES.length]!;
          return { ...request, body: alertBody(eventType, { title: `Storm ${n}`, dedup_key: `storm/${run}/${n}`, severity: n % 4 === 0 ? 'error' : 'critical' }) };
        },
      },
    ],
  });
  // Long enough for every queued post to fold and each digest's last refresh (every 5 s) to go out.
  await sleep(15_000);
  const calls = bench.emulator.state.calls('chat.postMessage').filter((call) => call.ok && !call.params.thread_ts && channels.includes(String(call.params.channel)));
  const perMinute = channels.map((channel) => maxPostsPerMinute(calls.filter((call) => call.params.channel === channel).map((call) => Date.parse(call.at))));
  const updates = bench.emulator.state.calls('chat.update').filter((call) => channels.includes(String(call.params.channel)));
  const limited = [...bench.emulator.state.calls('chat.postMessage'), ...updates].filter((call) => call.status === 429).length;
  const { rows: [counts] } = await db.query<{ alerts: string; sent: string; folded: string; waiting: string; dead: string; digest_total: string; digests: string }>(
    `SELECT (SELECT count(*) FROM alerts WHERE event_type LIKE 'storm.%') AS alerts,
            count(*) FILTER (WHERE d.state = 'sent') AS sent, count(*) FILTER (WHERE d.state = 'folded') AS folded,
            count(*) FILTER (WHERE d.state IN ('pending', 'failed')) AS waiting, count(*) FILTER (WHERE d.state = 'dead') AS dead,
            (SELECT coalesce(sum(folded), 0) FROM digests WHERE channel_id = ANY($1)) AS digest_total,
            (SELECT count(*) FROM digests WHERE channel_id = ANY($1)) AS digests
     FROM deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.event_type LIKE 'storm.%'`,
    [channels],
  );
  const c = counts!;
  const committed = Number(c.alerts);
  const accounted = Number(c.sent) + Number(c.folded) + Number(c.waiting);
  // The digests' own text must say the same number (the message counts come from the folded deliveries).
  const shown = [...new Set(updates.concat(calls).map((call) => String(call.params.text)).filter((text) => /more alerts? since/.test(text)))];
  const expected = noWorker === null ? null : Math.min(STORM_OFFERED, noWorker);
  const allCommitted = committed >= result.ok && committed - result.ok <= 64;
  record(
    'storm intake',
    `${result.ok} accepted at ${Math.round(result.requestsPerSecond)}/s${expected === null ? '' : ` (${Math.round((result.requestsPerSecond / expected) * 100)} % of ${Math.round(expected)}/s)`}, p99 ${result.p99} ms, ${committed} committed`,
    expected === null ? 'every accepted alert committed (run with intake for the rate target)' : `≥ 90 % of min(${STORM_OFFERED} offered, no worker), p99 < 50 ms, every accepted alert committed`,
    allCommitted && (expected === null || (result.requestsPerSecond >= 0.9 * expected && result.p99 < 50)),
  );
  record('storm posts per channel per minute (max of any 60 s)', perMinute.join(', '), '≤ 12', perMinute.every((count) => count <= 12));
  record('storm digest updates', `${updates.length} chat.update over ${seconds + 15} s, ${limited} answered 429`, "within Slack's limits (Tier 3, ≥ 50/min)", updates.length <= ((seconds + 15) / 60) * 50 && limited === 0);
  record(
    'storm lost / folded',
    `${committed} alerts: ${c.sent} posted, ${c.folded} folded into ${c.digests} digests (counting ${c.digest_total}), ${c.waiting} still queued, ${c.dead} dead; ${shown.length} digest texts shown`,
    '0 lost, digest counts = folded',
    committed === accounted && c.dead === '0' && c.folded === c.digest_total,
  );
  (bench.emulator.state.config as { pacing: boolean }).pacing = false;
}

async function dashboardPages(bench: BenchApp, cookie: string, db: pg.Client) {
  console.log('\n7. Dashboard pages with 100,000 more alerts in the workspace (npm run seed -- --alerts 100000)');
  const seeded = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts', '--alerts', '100000', '--team', TEAM], { env: bench.env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  console.log(`  ${seeded.stdout.trim().split('\n').at(-1)}`);
  const { rows } = await db.query<{ id: string }>("SELECT id FROM alerts WHERE workspace_id = $1 AND status = 'triggered' ORDER BY created_at DESC LIMIT 1", [TEAM]);
  const base = `/w/${TEAM}`;
  const pages = [base, `${base}/alerts`, `${base}/alerts?status=triggered&severity=critical`, `${base}/alerts?q=host-7`, `${base}/alerts/${rows[0]!.id}`, `${base}/routes`, `${base}/templates`, `${base}/api-keys`, `${base}/settings`];
  let worst = 0;
  for (const page of pages) {
    const times: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const started = performance.now();
      const response = await fetch(`${bench.url}${page}`, { headers: { cookie } });
      await response.text();
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
      times.push(performance.now() - started);
    }
    const median = percentile(times.slice(1), 50);
    worst = Math.max(worst, median);
    console.log(`  ${page}: median ${median.toFixed(0)} ms (max ${Math.max(...times.slice(1)).toFixed(0)} ms)`);
  }
  record('slowest dashboard page (median of 5, 100k alerts)', `${worst.toFixed(0)} ms`, '< 200 ms', worst < 200);
}

// `npm run bench -- --only e2e,slack` runs some scenarios (ack and slack use the alerts e2e posts).
const SCENARIOS = ['intake', 'e2e', 'ack', 'slack', 'overload', 'storm', 'dashboard', 'alertmanager'] as const;
const args = parseArgs({ options: { only: { type: 'string' }, scale: { type: 'boolean' }, faults: { type: 'boolean' } } }).values;
const only = args.only?.split(',');
const unknown = only?.filter((name) => !(SCENARIOS as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
const runs = (scenario: (typeof SCENARIOS)[number]) => !only || only.includes(scenario);

function printTable(command: string, about: string) {
  console.log(`\nCommand: ${command}   (${about})`);
  console.log('| scenario | measured | target | met |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.scenario} | ${row.measured} | ${row.target} | ${row.pass === null ? '—' : row.pass ? 'yes' : 'NO'} |`);
}

// `--scale` and `--faults` are runs of their own, on clusters of processes (bench/scale.ts, bench/faults.ts).
async function clusterRun(): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? 3200);
  if (args.scale) await scaleRun(port, record);
  if (args.faults) await faultRun(port, record);
  const flags = [args.scale ? '--scale' : '', args.faults ? '--faults' : ''].filter(Boolean).join(' ');
  printTable(`npm run bench -- ${flags}`, 'apps and workers as separate processes via scripts/start.ts and scripts/worker.ts, production build');
  process.exit(rows.every((row) => row.pass !== false) ? 0 : 1);
}

async function main() {
  console.log(`Klaxon benchmark — ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), Node ${process.version}`);
  if (args.scale || args.faults) return clusterRun();
  const bench = await startBenchApp(Number(process.env.BENCH_PORT ?? 3200), { workerInProcess: true });
  const db = new pg.Client({ connectionString: bench.database.url });
  await db.connect();
  try {
    const { key, cookie } = await setUpWorkspace(bench);
    // These scenarios measure posting one by one at Slack's pace: their routes never fold into storm digests.
    const noFolding = { storm_limit: 0 };
    for (let i = 0; i < INTAKE_TYPES.length; i += 1) await addRoute(bench, key, { name: `intake ${i}`, event_types: [INTAKE_TYPES[i]!], severities: ['critical'], channels: [CHANNELS[110 + i]!], ...noFolding });
    for (let i = 0; i < LATENCY_CHANNELS; i += 1) await addRoute(bench, key, { name: `lat ${i}`, event_types: [`lat.c${i}`], severities: ['critical'], channels: [CHANNELS[i]!], ...noFolding });
    for (let i = 0; i < 10; i += 1) await addRoute(bench, key, { name: `over ${i}`, event_types: [`over.c${i}`], severities: ['critical'], channels: [CHANNELS[100 + i]!], ...noFolding });
    // The storm scenario's two channels fold at the default limit (10 posts per minute).
    for (let i = 0; i < STORM_TYPES.length; i += 1) await addRoute(bench, key, { name: `storm ${i}`, event_types: [STORM_TYPES[i]!], severities: ['critical', 'error'], channels: [CHANNELS[120 + i]!] });
    await addRoute(bench, key, { name: 'alertmanager', event_types: [AM_EVENT_TYPE], severities: ['critical'], channels: [CHANNELS[130]!], ...noFolding });

    const noWorker = runs('intake') ? await intakeUnderBacklog(bench, key, db) : null;
    if (runs('e2e') || runs('ack') || runs('slack')) {
      const ids = await endToEnd(bench, key);
      if (runs('ack')) await ackToUpdate(bench, key, ids, db);
      if (runs('slack')) await slackAcks(bench, ids);
    }
    if (runs('overload')) await overload(bench, key, db);
    if (runs('alertmanager')) await alertmanagerIntake(bench, key, db, record);
    if (runs('storm')) await storm(bench, key, db, noWorker);
    if (runs('dashboard')) await dashboardPages(bench, cookie, db);
  } finally {
    await db.end();
    await bench.stop();
  }
  const database = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'embedded';
  printTable(`npm run bench${only ? ` -- --only ${only.join(',')}` : ''}`, `app: production build via scripts/start.ts, worker in process as npm start runs it, PostgreSQL: ${database}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
