import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { EMULATOR_URL } from '../support/ports';
import { ACME, installFromLanding } from '../support/slack-ui';

test('a route made in the dashboard groups alerts by event type: one Slack message counts them, updated in place; the API has group_by', async ({ page, request }) => {
  test.setTimeout(60_000);
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Groups'));
  const eventType = `grouped.${Date.now().toString(36)}`;

  await page.goto(`/w/${ACME.id}/routes`);
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New route' }) });
  const name = uniqueName('Grouped');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Event types').fill(eventType);
  await form.getByRole('checkbox', { name: 'critical' }).check();
  await form.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#ops', exact: true }).check();
  await form.getByLabel('Storm limit (posts per minute per channel)').fill('0');
  // A field without its name is refused under the field.
  await form.getByLabel('Group alerts by').selectOption('field');
  await form.getByRole('button', { name: 'Create route' }).click();
  await expect(page.locator('#route-group_by-error')).toContainText('must be event_type, group_key or field:<name>');
  await form.getByLabel('Group alerts by').selectOption('event_type');
  await form.getByRole('button', { name: 'Create route' }).click();
  const item = page.getByTestId('route-item').filter({ hasText: name });
  await expect(item.getByTestId('route-group-by')).toHaveText('event_type');
  await screenshotPage(page, 'routes-grouped');

  const auth = { Authorization: `Bearer ${key}` };
  const { routes } = (await (await request.get('/api/v1/routes', { headers: auth })).json()) as { routes: Array<{ name: string; group_by: string | null }> };
  expect(routes.find((route) => route.name === name)?.group_by).toBe('event_type');
  const refused = await request.post('/api/v1/routes', { headers: auth, data: { name: uniqueName('bad'), event_types: ['x'], severities: ['critical'], channels: ['C0ACMEOPS1'], group_by: 'severity' } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('group_by: must be event_type, group_key or field:<name>');

  for (const host of ['db1', 'db2', 'db3']) expect((await sendAlert(request, key, { event_type: eventType, severity: 'critical', title: `Disk full on ${host}` })).status()).toBe(202);
  await page.goto(`${EMULATOR_URL}/t/${ACME.id}/c/C0ACMEOPS1?as=U0ACMEMEM1`);
  const message = page.locator('.message', { hasText: `3 × ${eventType}` });
  await expect(async () => {
    await page.reload();
    await expect(message).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.locator('.message', { hasText: eventType })).toHaveCount(1);
  await expect(message).toContainText('Disk full on db1');
  await expect(message).toContainText('Disk full on db3');
  await page.screenshot({ path: test.info().outputPath('emulator-group.png'), fullPage: true });
});
