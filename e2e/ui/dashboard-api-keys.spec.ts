import { expect, test } from '@playwright/test';
import { createApiKey, expectNotReloaded, markPage, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { APP_URL } from '../support/ports';
import { ACME, installFromLanding } from '../support/slack-ui';

test('create an API key: shown once with a copy button and a ready curl; alerts sent with it appear live; revoked it gets 401', async ({
  page,
  request,
}) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

  const name = uniqueName('CI pipeline');
  const key = await createApiKey(page, ACME.id, name);
  await expect(page.getByRole('button', { name: 'Copy key' })).toBeVisible();
  const curl = page.getByTestId('curl-example');
  await expect(curl).toContainText(`curl -X POST '${APP_URL}/api/v1/alerts'`);
  await expect(curl).toContainText(`Authorization: Bearer ${key}`);
  const row = page.getByTestId('api-key-row').filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 13));
  await expect(row).toContainText('Active');
  await expect(row).not.toContainText(key);
  await screenshotPage(page, 'api-keys-created');

  // Shown once: after a reload the secret is gone, only its prefix is listed.
  await page.reload();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);

  // The alerts table updates by itself when an alert arrives.
  await page.getByRole('link', { name: 'Alerts', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await markPage(page);
  const title = uniqueName('Checkout latency above SLO');
  const sent = await sendAlert(request, key, { event_type: 'latency.slo', severity: 'warning', title, source: 'e2e' });
  expect(sent.status()).toBe(202);
  const alertRow = page.getByTestId('alert-row').filter({ hasText: title });
  await expect(alertRow).toBeVisible({ timeout: 15_000 });
  await expect(alertRow).toContainText('latency.slo');
  await expect(alertRow).toContainText('warning');
  await expectNotReloaded(page);
  await screenshotPage(page, 'alerts-table');

  // Revoke (confirming the dialog): the key stops working at once.
  await page.goto(`/w/${ACME.id}/api-keys`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByTestId('api-key-row').filter({ hasText: name })).toContainText('Revoked');
  // The key cache is one per process (lib/process-wide), so the very next request is refused.
  const refused = await sendAlert(request, key, { event_type: 'latency.slo', severity: 'warning', title: 'after revoke' });
  expect(refused.status()).toBe(401);
});

test('the create form shows errors inline and keeps what was typed', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto(`/w/${ACME.id}/api-keys`);
  await page.getByLabel('Name').fill('Nightly backups');
  for (const scope of ['alerts:write', 'alerts:read', 'config:write']) await page.getByRole('checkbox', { name: scope }).uncheck();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.locator('#key-scopes-error')).toHaveText('must have at least one scope');
  await expect(page.getByLabel('Name')).toHaveValue('Nightly backups');
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);

  await page.getByLabel('Name').fill('   ');
  await page.getByRole('checkbox', { name: 'alerts:write' }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.locator('#key-name-error')).toHaveText('must not be empty');
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('checkbox', { name: 'alerts:write' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'alerts:read' })).not.toBeChecked();
});
