import { expect, test } from '@playwright/test';
import { createApiKey, sendAlert, uniqueName } from '../support/dashboard';
import { ACME, GLOBEX, installFromLanding } from '../support/slack-ui';

test("the alerts table filters by status, severity, event type and text, and another workspace's alert is a 404", async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Filters'));
  const marker = uniqueName('filtertest');
  for (const [severity, eventType] of [
    ['critical', 'db.failover'],
    ['info', 'backup.done'],
  ] as const) {
    expect((await sendAlert(request, key, { event_type: eventType, severity, title: `${marker} ${eventType}` })).status()).toBe(202);
  }
  await page.goto(`/w/${ACME.id}/alerts`);
  await page.getByLabel('Search').fill(marker);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('alert-row')).toHaveCount(2);
  await page.getByLabel('Severity').selectOption('critical');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('alert-row')).toHaveCount(1);
  await expect(page.getByTestId('alert-row')).toContainText('db.failover');
  await expect(page.getByLabel('Severity')).toHaveValue('critical');
  await page.getByLabel('Severity').selectOption('');
  await page.getByLabel('Event type').fill('backup.done');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('alert-row')).toHaveCount(1);
  await expect(page.getByTestId('alert-row')).toContainText('backup.done');
  await page.getByLabel('Status').selectOption('resolved');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('alerts-empty')).toBeVisible();
  await page.goto(`/w/${ACME.id}/alerts?since=not-a-date`);
  await expect(page.locator('.notice-error')).toContainText('since: must be an ISO 8601 date-time');
  await page.goto(`/w/${ACME.id}/alerts?cursor=bogus`);
  await expect(page.locator('.notice-error')).toContainText('cursor');
  expect((await page.goto(`/w/${ACME.id}/alerts/not-an-alert`))?.status()).toBe(404);
});

// In Globex: its 53 alerts queue (paced) for Globex's channels, not in front of the Acme stories' deliveries.
test('cursor pagination: "Next page" carries the cursor and the filters', async ({ page, request }) => {
  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  const key = await createApiKey(page, GLOBEX.id, uniqueName('Pager'));
  const marker = uniqueName('pagertest').replace(' ', '-');
  for (let start = 0; start < 53; start += 10) {
    const batch = Array.from({ length: Math.min(10, 53 - start) }, (_, offset) =>
      sendAlert(request, key, { event_type: 'pager.test', severity: 'info', title: `${marker} #${start + offset}` }),
    );
    for (const response of await Promise.all(batch)) expect(response.status()).toBe(202);
  }
  await page.goto(`/w/${GLOBEX.id}/alerts?q=${encodeURIComponent(marker)}`);
  await expect(page.getByTestId('alert-row')).toHaveCount(50);
  const next = page.getByRole('link', { name: 'Next page' });
  await expect(next).toHaveAttribute('href', /cursor=/);
  await next.click();
  await expect(page).toHaveURL(/q=pagertest.*cursor=/);
  await expect(page.getByTestId('alert-row')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Newest' })).toBeVisible();
});
