// `npm run fuzz [-- --requests 100000 --seed 1]`: generated requests against Klaxon as `npm start` runs it
// (production build, worker in process, sandbox Slack). Fails on any 5xx, any request left unanswered, or an
// unhealthy server afterwards. Never part of `npm test`, which runs a seeded subset (e2e/api/fuzz.spec.ts).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CHANNELS, startBenchApp, TEAM } from '../bench/bench-app';
import { setUpWorkspace } from '../bench/bench-setup';
import { seedRecords } from './seed-records';
import { runFuzz } from './send';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, concurrency: { type: 'string', default: '8' } } });
const count = Number(values.requests);
const seed = Number(values.seed);

async function main() {
  const app = await startBenchApp(Number(process.env.FUZZ_PORT ?? 3800), { workerInProcess: true });
  try {
    const { key } = await setUpWorkspace(app);
    const context = { key, signingSecret: app.env.SLACK_SIGNING_SECRET!, teamId: TEAM, userId: 'U0ACMEMEM1', channelId: CHANNELS[0]!, ids: await seedRecords(app.url, key, CHANNELS[0]!) };
    console.log(`Fuzzing ${app.url} with ${count} requests (seed ${seed}) …`);
    const stats = await runFuzz({
      baseUrl: app.url,
      context,
      count,
      seed,
      concurrency: Number(values.concurrency),
      onProgress: (s) => {
        if (s.sent % 10_000 < 500) console.log(`  ${s.sent} sent, ${s.failures.length} failures`);
      },
    });
    const health = await fetch(`${app.url}/api/health`);
    console.log(`\n${stats.sent} requests in ${stats.seconds.toFixed(0)} s (${(stats.sent / stats.seconds).toFixed(0)}/s); answers by status:`);
    console.log(Object.entries(stats.byStatus).sort().map(([status, n]) => `  ${status}: ${n}`).join('\n'));
    console.log(`Generators: ${Object.keys(stats.byLabel).length} (${Object.entries(stats.byLabel).sort((a, b) => a[1] - b[1]).slice(0, 3).map(([label, n]) => `${label} ${n}`).join(', ')} … fewest)`);
    console.log(`Health afterwards: ${health.status}`);
    if (stats.failures.length > 0) {
      const file = `fuzz-failures-${seed}.json`;
      fs.writeFileSync(file, JSON.stringify(stats.failures.slice(0, 200), null, 2));
      console.log(`\n${stats.failures.length} FAILURES (5xx or no answer); the first 200 are in ${file}. First:`);
      for (const failure of stats.failures.slice(0, 5)) console.log(`  ${failure.status} ${failure.request.method} ${failure.request.path.slice(0, 120)} → ${failure.answer.slice(0, 200)}`);
    }
    const passed = stats.failures.length === 0 && health.status === 200;
    console.log(`\n| requests | 5xx or unanswered | health after | met |\n|---|---|---|---|\n| ${stats.sent} | ${stats.failures.length} | ${health.status} | ${passed ? 'yes' : 'NO'} |`);
    process.exitCode = passed ? 0 : 1;
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
