// The overview of a workspace in use, beside the empty one of 0-first-steps: two weeks of history (as
// `npm run seed` makes it) and today's alerts in every severity and status, with a delivery Slack refused.
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { seedAlerts } from '../../lib/dev/seed-alerts';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { EMULATOR_URL } from '../support/ports';
import { ACME, installFromLanding } from '../support/slack-ui';
import { testDatabaseUrl } from '../support/test-database-url';

const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

test('a workspace in use: the overview counts open alerts of every severity, alerts on each of 14 days, time to acknowledge per route and failed deliveries', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('overview'));
  const auth = { Authorization: `Bearer ${key}` };
  const tag = Date.now().toString(36);
  const eventType = `full.${tag}`;
  // Earlier specs post to #alerts too: these routes never fold into a storm digest, so each alert is its own message.
  for (const [name, severities] of [['Payments critical', ['critical', 'error']], ['Platform warnings', ['warning', 'info']]] as const) {
    const route = await request.post('/api/v1/routes', { headers: auth, data: { name: `${name} ${tag}`, event_types: [`${eventType}.*`], severities, channels: ['C0ACMEALRT'], storm_limit: 0 } });
    expect(route.status()).toBe(201);
  }
  // No API backdates an alert's arrival: the history goes straight into the database, spread over its routes.
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  try {
    await seedAlerts(pool, ACME.id, 280);
  } finally {
    await pool.end();
  }

  const stateOf = async (id: string) => ((await (await request.get(`/api/v1/alerts/${id}`, { headers: auth })).json()) as { deliveries: Array<{ state: string }> }).deliveries[0]?.state;
  const today: Array<{ id: string; title: string }> = [];
  for (const [i, severity] of [...SEVERITIES, ...SEVERITIES].entries()) {
    const title = `${severity} on checkout-${i} ${tag}`;
    const sent = await sendAlert(request, key, { event_type: `${eventType}.check`, severity, title, source: 'e2e', dedup_key: `${tag}-${i}`, fields: { region: 'eu-west-1' } });
    expect(sent.status()).toBe(202);
    today.push({ id: ((await sent.json()) as { id: string }).id, title });
  }
  for (const alert of today) await expect.poll(() => stateOf(alert.id), { timeout: 15_000 }).toBe('sent');

  // Every post is out: the next one Slack refuses for good.
  expect((await request.post(`${EMULATOR_URL}/_emulator/fail_next`, { data: { method: 'chat.postMessage', error: 'channel_not_found' } })).ok()).toBe(true);
  const refusedTitle = `Refused by Slack ${tag}`;
  // Its runbook link is one long word: the alert page must wrap it on a phone.
  const runbook = `https://runbooks.example.com/checkout/${'payment-provider-timeouts-'.repeat(4)}${tag}`;
  const refused = await sendAlert(request, key, { event_type: `${eventType}.check`, severity: 'critical', title: refusedTitle, fields: { runbook } });
  const refusedId = ((await refused.json()) as { id: string }).id;
  await expect.poll(() => stateOf(refusedId), { timeout: 15_000 }).toBe('dead');

  // Acknowledged (one in Slack, as a person would), resolved and silenced ones.
  await page.goto(`${EMULATOR_URL}/t/${ACME.id}/c/C0ACMEALRT?as=${ACME.member}`);
  const message = page.locator('.message', { hasText: today[0]!.title }).first();
  await message.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.message', { hasText: today[0]!.title }).first()).toContainText('Acknowledged by', { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('emulator-channel-full.png'), fullPage: true });
  for (const [i, action] of [[1, 'acknowledge'], [2, 'resolve'], [3, 'resolve']] as const) {
    expect((await sendAlert(request, key, { action, dedup_key: `${tag}-${i}` })).status()).toBeLessThan(300);
  }
  const now = Date.now();
  const silence = await request.post('/api/v1/silences', {
    headers: auth,
    data: { event_type: `${eventType}.maint`, severities: [], source: null, fields: [], starts_at: new Date(now).toISOString(), ends_at: new Date(now + 3_600_000).toISOString(), comment: 'Database maintenance' },
  });
  expect(silence.status()).toBe(201);
  expect((await sendAlert(request, key, { event_type: `${eventType}.maint`, severity: 'warning', title: `Replica lag during maintenance ${tag}` })).status()).toBe(202);

  await page.goto(`/w/${ACME.id}`);
  await expect(page.getByTestId('first-steps')).toHaveCount(0);
  const open = page.locator('section[aria-labelledby="open-heading"]');
  for (const severity of SEVERITIES) await expect(open.locator('table tr', { hasText: severity }).locator('td')).not.toHaveText('0');
  const days = page.locator('section[aria-labelledby="daily-heading"] table td');
  await expect(days).toHaveCount(14);
  // 280 alerts over 14 days: a day without one has odds of about 14·e⁻²⁰.
  for (const day of await days.all()) await expect(day).not.toHaveText('0');
  await expect(page.locator('section[aria-labelledby="mtta-heading"] figure')).toBeVisible();
  const health = page.locator('section[aria-labelledby="health-heading"]');
  await expect(health).toContainText(/\b[1-9]\d* failed for good/);
  await expect(health.getByRole('link', { name: refusedTitle })).toHaveAttribute('href', `/w/${ACME.id}/alerts/${refusedId}`);
  await expect(health.getByRole('listitem').filter({ hasText: refusedTitle })).toContainText('→ #alerts: dead (channel_not_found)');
  await screenshotPage(page, 'overview-full');

  await page.goto(`/w/${ACME.id}/alerts/${refusedId}`);
  await expect(page.getByTestId('delivery-row')).toContainText('channel_not_found');
  await screenshotPage(page, 'alert-dead-delivery');

  await page.goto(`/w/${ACME.id}/alerts?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId('alert-row')).toHaveCount(today.length + 2);
  await screenshotPage(page, 'alerts-full');
});
