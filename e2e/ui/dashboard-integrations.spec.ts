import { expect, test } from '@playwright/test';
import { screenshotPage, uniqueName } from '../support/dashboard';
import { APP_URL } from '../support/ports';
import { ACME, installFromLanding } from '../support/slack-ui';

test('add an Alertmanager integration: its key once with the receiver YAML; Alertmanager posts with it; the last event shows', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.getByRole('link', { name: 'Integrations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();

  const name = uniqueName('Prometheus production');
  const create = page.getByRole('form', { name: 'Add an integration' });
  await create.getByLabel('Source').selectOption('alertmanager');
  await create.getByLabel('Name', { exact: true }).fill(name);
  await create.getByLabel('Label that names the event type').fill('service');
  await create.getByLabel('Severity words').fill('page = critical\nticket = info');
  await create.getByRole('button', { name: 'Add integration' }).click();
  const secret = page.getByTestId('integration-secret');
  await expect(secret).toHaveText(/^klx_live_\w+$/);
  const key = (await secret.textContent())!.trim();
  const yaml = page.getByTestId('integration-snippet').first();
  await expect(yaml).toContainText(`url: "${APP_URL}/api/v1/integrations/alertmanager"`);
  await expect(yaml).toContainText(`credentials: "${key}"`);
  await screenshotPage(page, 'integrations-alertmanager-created');

  const sent = await request.post('/api/v1/integrations/alertmanager', {
    headers: { Authorization: `Bearer ${key}` },
    data: { version: '4', status: 'firing', receiver: 'klaxon', truncatedAlerts: 0, alerts: [{ status: 'firing', labels: { alertname: 'HighLatency', service: 'checkout', severity: 'ticket' }, annotations: { summary: 'Latency high' }, fingerprint: uniqueName('fp').replace(/\W/g, '') }] },
  });
  expect(sent.status()).toBe(200);
  await expect.poll(async () => {
    await page.reload();
    return page.getByTestId('integration-row').filter({ hasText: name }).getByTestId('integration-last-event').textContent();
  }, { timeout: 15_000 }).toContain('1 alert accepted');
  const row = page.getByTestId('integration-row').filter({ hasText: name });
  await expect(row).not.toContainText(key);
  await expect(row).toContainText(key.slice(0, 13));
  await expect(row).toContainText('ticket → info');

  await row.getByRole('button', { name: `Send a test event to ${name}` }).click();
  await expect(row.getByRole('status').filter({ hasText: 'Test event: 1 alert accepted' })).toBeVisible();
  await row.getByText('Configuration to paste').click();
  await screenshotPage(page, 'integrations-list');

  // Change its settings: an emptied severity map goes, a new label is used from the next notification.
  await row.getByText('Change settings').click();
  const settings = row.getByRole('form', { name: `Settings of ${name}` });
  await settings.getByLabel('Label that names the event type').fill('job');
  await settings.getByLabel('Severity words').fill('');
  await screenshotPage(page, 'integrations-settings');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText(`Saved “${name}”.`);
  await page.reload();
  const changed = page.getByTestId('integration-row').filter({ hasText: name });
  await expect(changed.locator('dd').filter({ hasText: /^job$/ })).toBeVisible();
  await expect(changed).not.toContainText('ticket → info');
});

test('add a Sentry webhook: preview the mapping on a pasted body, get the URL once with curl, and rotate it', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto(`/w/${ACME.id}/integrations`);
  const name = uniqueName('Sentry frontend');
  const create = page.getByRole('form', { name: 'Add an integration' });
  await create.getByLabel('Source').selectOption('webhook');
  await create.getByLabel('Name', { exact: true }).fill(name);
  await create.getByLabel('Field mapping').selectOption('sentry');
  await create.getByLabel(/Sample body/).fill(JSON.stringify({ action: 'triggered', data: { event: { issue_id: '42', title: 'TypeError: x is undefined', level: 'fatal', platform: 'javascript', web_url: 'https://sentry.io/issues/42/' }, triggered_rule: 'Errors' } }));
  await create.getByRole('button', { name: 'Preview the mapping on the sample' }).click();
  const preview = page.getByTestId('mapping-preview');
  await expect(preview).toContainText('"title": "TypeError: x is undefined"');
  await expect(preview).toContainText('"severity": "critical"');
  await expect(preview).toContainText('"dedup_key": "sentry/42"');
  await expect(create.getByLabel('Name', { exact: true })).toHaveValue(name);
  await screenshotPage(page, 'integrations-webhook-preview');

  await create.getByRole('button', { name: 'Add integration' }).click();
  const secret = page.getByTestId('integration-secret');
  await expect(secret).toHaveText(/\/api\/v1\/integrations\/webhook\/klx_hook_\w+$/);
  const url = (await secret.textContent())!.trim();
  await expect(page.getByTestId('integration-snippet').first()).toContainText(`curl -sS -X POST "${url}"`);
  await screenshotPage(page, 'integrations-webhook-created');

  const sent = await request.post(url, { data: { action: 'triggered', data: { event: { issue_id: uniqueName('i').replace(/\W/g, ''), title: 'From Sentry', level: 'error' } } } });
  expect(sent.status()).toBe(202);

  const row = page.getByTestId('integration-row').filter({ hasText: name });
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Rotate the URL of ${name}` }).click();
  const rotated = row.getByTestId('integration-secret');
  await expect(rotated).toHaveText(/klx_hook_\w+$/);
  await expect(rotated).not.toHaveText(url);
  // The creation card at the top showed the old URL until a reload: now only the live one is on the page.
  await expect(page.getByTestId('integration-secret')).toHaveCount(1);
  await expect(page.getByText(url, { exact: true })).toHaveCount(0);
  expect((await request.post(url, { data: { action: 'triggered', data: { event: { issue_id: 'old', title: 'old URL' } } } })).status()).toBe(401);
  const newUrl = (await rotated.textContent())!.trim();
  await screenshotPage(page, 'integrations-webhook-rotated');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.getByTestId('integration-row').filter({ hasText: name })).toHaveCount(0);
  expect((await request.post(newUrl, { data: { action: 'triggered', data: { event: { issue_id: 'gone', title: 'deleted' } } } })).status()).toBe(401);
});
