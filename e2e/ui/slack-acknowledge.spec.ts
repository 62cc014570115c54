import { expect, test } from '@playwright/test';
import { APP_URL, EMULATOR_URL } from '../support/ports';
import { ACME, installFromLanding } from '../support/slack-ui';

test('an alert sent through the REST API appears in Slack; Acknowledge there updates the message and the dashboard shows who acked', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const created = await page.request.post('/api/v1/api-keys', { headers: { origin: APP_URL }, data: { name: 'e2e acknowledge' } });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: string };
  // Earlier specs post to #alerts too: this route to it never folds into a storm digest, so the alert is its own message.
  const route = await page.request.post('/api/v1/routes', {
    headers: { authorization: `Bearer ${key}` },
    data: { name: `acknowledge ${Date.now()}`, event_types: ['checkout.latency'], severities: ['critical'], channels: ['C0ACMEALRT'], storm_limit: 0 },
  });
  expect(route.status()).toBe(201);
  const title = `Checkout latency ${Date.now()}`;
  const sent = await page.request.post('/api/v1/alerts', {
    headers: { authorization: `Bearer ${key}` },
    data: { event_type: 'checkout.latency', severity: 'critical', title, source: 'e2e', fields: { p99_ms: 950 } },
  });
  expect(sent.status()).toBe(202);
  const { id } = (await sent.json()) as { id: string };

  await page.goto(`${EMULATOR_URL}/t/${ACME.id}/c/C0ACMEALRT?as=U0ACMEMEM1`);
  const message = page.locator('.message', { hasText: title }).first();
  await expect(async () => {
    await page.reload();
    await expect(message).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('emulator-alert.png'), fullPage: true });
  await message.getByRole('button', { name: 'Acknowledge' }).click();

  await expect(async () => {
    await page.reload();
    await expect(page.locator('.message', { hasText: title }).first()).toContainText('Acknowledged by', { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('.message', { hasText: title }).first().getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('emulator-acknowledged.png'), fullPage: true });

  const detail = await page.request.get(`/api/v1/alerts/${id}`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await detail.json()) as { status: string; activity: Array<{ kind: string; actor: string; via: string }> };
  expect(body.status).toBe('acknowledged');
  expect(body.activity).toContainEqual(expect.objectContaining({ kind: 'acknowledged', actor: 'U0ACMEMEM1', via: 'slack' }));

  await page.goto(`/w/${ACME.id}/alerts/${id}`);
  await expect(page.getByText(/acknowledged/i).first()).toBeVisible();
  await expect(page.getByText('alan.t').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('dashboard-alert-acknowledged.png'), fullPage: true });
});
