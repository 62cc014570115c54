import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { ACME, installFromLanding } from '../support/slack-ui';

test('an admin creates a silence in the dashboard; a matching alert is stored, listed and shown as silenced; expiring it ends it', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Silences'));
  const marker = uniqueName('silencetest').replace(' ', '-');

  await page.goto(`/w/${ACME.id}/silences`);
  await page.getByLabel('Event type').fill('maint.*');
  await page.getByLabel('Source').fill(marker);
  await page.getByLabel('critical').check();
  await page.getByLabel('For').selectOption('120');
  await page.getByLabel('Comment').fill(`Disk maintenance ${marker}`);
  await page.getByRole('button', { name: 'Create silence' }).click();
  await expect(page.getByRole('status')).toContainText('Silence created');
  const row = page.getByTestId('silence-row').filter({ hasText: marker });
  await expect(row).toContainText('active');
  await expect(row).toContainText('event_type = maint.*');
  await expect(row).toContainText('severity in critical');

  // A form without a comment says what is missing, under the field.
  await page.getByLabel('Event type').fill('other.*');
  await page.getByRole('button', { name: 'Create silence' }).click();
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
