// `npm run seed -- --alerts 100000 [--team T0ACME0001]`: fills a workspace with alert history, to demo the
// dashboard and measure it at scale. The workspace must be installed already (sandbox: Add to Slack first).
import { parseArgs } from 'node:util';
import { db, sqlPool } from '../lib/db';
import { seedAlerts } from '../lib/dev/seed-alerts';
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { runScript } from './run-script';

runScript(async () => {
  const { values } = parseArgs({ options: { alerts: { type: 'string', default: '10000' }, team: { type: 'string' } } });
  const count = Number(values.alerts);
  if (!Number.isInteger(count) || count < 1) throw new Error('--alerts must be a positive whole number');
  const runtime = await prepareRuntime((line) => console.log(line));
  try {
    const workspace = values.team
      ? await db().workspace.findUnique({ where: { id: values.team } })
      : await db().workspace.findFirst({ where: { uninstalledAt: null }, orderBy: { createdAt: 'asc' } });
    if (!workspace) throw new Error('No installed workspace: run npm start and click "Add to Slack" first (or pass --team).');
    const started = Date.now();
    await seedAlerts(sqlPool(), workspace.id, count);
    console.log(`Seeded ${count} alerts into ${workspace.name} (${workspace.id}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await runtime.stop();
  }
});
