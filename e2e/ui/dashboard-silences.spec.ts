import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { ACME, installFromLanding } from '../support/slack-ui';

test('an admin creates a silence in the dashboard; a matching alert is stored, listed and shown as silenced; expiring it ends it', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Silences'));
  const marker = uniqueName('silencetest').replace(' ', '-');

  await page.goto(`/w/${ACME.id}/silences`);
  // The page also has the maintenance window form, with the same matcher fields.
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Create a silence' }) });
  await form.getByLabel('Event type').fill('maint.*');
  await form.getByLabel('Source').fill(marker);
  await form.getByLabel('critical').check();
  await form.getByLabel('For').selectOption('120');
  await form.getByLabel('Comment').fill(`Disk maintenance ${marker}`);
  await form.getByRole('button', { name: 'Create silence' }).click();
  await expect(form.getByRole('status')).toContainText('Silence created');
  const row = page.getByTestId('silence-row').filter({ hasText: marker });
  await expect(row).toContainText('active');
  await expect(row).toContainText('event_type = maint.*');
  await expect(row).toContainText('severity in critical');

  // A form without a comment says what is missing, under the field.
  await form.getByLabel('Event type').fill('other.*');
  await form.getByRole('button', { name: 'Create silence' }).click();
  await expect(page.locator('#silence-comment-error')).toContainText('must not be empty');

  const held = await sendAlert(request, key, { event_type: 'maint.disk', severity: 'critical', title: `${marker} disk`, source: marker });
  expect(held.status()).toBe(202);
  const heldId = ((await held.json()) as { id: string }).id;
  const free = await sendAlert(request, key, { event_type: 'maint.disk', severity: 'warning', title: `${marker} warning`, source: marker });
  expect(free.status()).toBe(202);

  await page.goto(`/w/${ACME.id}/silences`);
  await expect(row.locator('td.num')).toHaveText('1');
  await screenshotPage(page, 'silences');

  await page.goto(`/w/${ACME.id}/alerts?q=${encodeURIComponent(marker)}`);
  await expect(page.getByTestId('alert-row')).toHaveCount(2);
  await expect(page.getByTestId('alert-row').filter({ hasText: `${marker} disk` }).getByTestId('silenced-badge')).toBeVisible();
  await expect(page.getByTestId('alert-row').filter({ hasText: `${marker} warning` }).getByTestId('silenced-badge')).toHaveCount(0);
  await page.getByLabel('Silenced').selectOption('true');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('alert-row')).toHaveCount(1);
  await screenshotPage(page, 'alerts-silenced');

  await page.goto(`/w/${ACME.id}/alerts/${heldId}`);
  await expect(page.getByTestId('silenced-notice')).toContainText('not posted to Slack');
  await screenshotPage(page, 'alert-silenced');

  await page.goto(`/w/${ACME.id}/silences`);
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: /Expire/ }).click();
  await expect(row).toContainText('expired');
  await expect(page.getByTestId('alert-row')).toHaveCount(0);
  await page.goto(`/w/${ACME.id}/alerts/${heldId}`);
  await expect(page.getByTestId('silenced-notice')).toHaveCount(0, { timeout: 15_000 });
});

test('a scheduled report made through the API is listed with a preview of what it would post', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Reports'));
  const created = await request.post('/api/v1/reports', {
    headers: { Authorization: `Bearer ${key}` },
    data: { channel: 'C0ACMEALRT', days: ['mon'], time: '09:00', time_zone: 'Europe/Berlin' },
  });
  expect(created.status()).toBe(201);
  await page.goto(`/w/${ACME.id}/reports`);
  const report = page.getByTestId('report').first();
  await expect(report).toContainText('at 09:00 Europe/Berlin');
  await expect(report).toContainText('Mean time to acknowledge');
  await screenshotPage(page, 'reports');
});

test('an admin creates a maintenance window in the dashboard: listed with its schedule and next occurrence; a bad time zone is named under its field', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto(`/w/${ACME.id}/silences`);
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Create a maintenance window' }) });
  const name = uniqueName('Sunday backups');
  await form.getByLabel('Window name').fill(name);
  await form.getByLabel('Event type').fill('backup.*');
  await form.getByLabel('Sat').check();
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Create window' }).click();
  await expect(page.locator('#window-time_zone-error')).toContainText('must be an IANA time zone');
  await expect(form.getByLabel('Window name')).toHaveValue(name);
  await form.getByLabel('Time zone').fill('Europe/Berlin');
  await form.getByLabel('From (local time)').fill('02:00');
  await form.getByLabel('Until (local time)').fill('04:30');
  await form.getByRole('button', { name: 'Create window' }).click();
  await expect(form.getByRole('status')).toContainText('Maintenance window created');
  const row = page.getByTestId('window-row').filter({ hasText: name });
  await expect(row).toContainText('event_type = backup.*');
  await expect(row).toContainText('sun, sat 02:00–04:30 Europe/Berlin');
  await expect(row.locator('time')).toBeVisible();
  await screenshotPage(page, 'maintenance-windows');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);
});

test('an admin schedules a report in the dashboard: listed with its next send and a preview; a missing channel is named', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto(`/w/${ACME.id}/reports`);
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Schedule a report' }) });
  await form.getByRole('button', { name: 'Schedule report' }).click();
  await expect(page.locator('#report-channel-error')).toContainText(/must not be empty|must be a Slack channel id/);
  const before = await page.getByTestId('report').count();
  await form.getByLabel('Channel').selectOption({ label: '#deploys' });
  await form.getByLabel('At (local time)').fill('08:15');
  await form.getByLabel('Sat').check();
  await form.getByLabel('Time zone').fill('America/New_York');
  await form.getByRole('button', { name: 'Schedule report' }).click();
  await expect(form.getByRole('status')).toContainText('Report scheduled');
  await expect(page.getByTestId('report')).toHaveCount(before + 1);
  const report = page.getByTestId('report').filter({ hasText: '#deploys' }).filter({ hasText: '08:15 America/New_York' });
  await expect(report).toContainText('mon, tue, wed, thu, fri, sat at 08:15 America/New_York');
  await expect(report).toContainText('Mean time to acknowledge');
  await screenshotPage(page, 'reports-form');
});
