import { expect, test } from '@playwright/test';
import { createApiKey, expectLinedUp, screenshotPage, uniqueName } from '../support/dashboard';
import { ACME, installFromLanding } from '../support/slack-ui';

test('create a route with the channel picker, see it listed, check which routes match, send a test alert, disable and delete it', async ({ page }) => {
  test.setTimeout(60_000);
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.getByRole('link', { name: 'Routes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Routes' })).toBeVisible();

  const name = uniqueName('Payments deploys');
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New route' }) });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Event types').fill('payments.deploy.*, payments.rollback');
  await form.getByRole('checkbox', { name: 'critical' }).check();
  await form.getByRole('checkbox', { name: 'error' }).check();

  // The picker searches the channel cache; archived channels are explained and can't be picked.
  const picker = form.getByRole('group', { name: 'Channels' });
  await picker.getByRole('searchbox', { name: 'Search channels' }).fill('alerts');
  await expect(picker.getByRole('checkbox', { name: '#ops' })).toBeHidden();
  await expect(picker.getByRole('checkbox', { name: 'old-alerts' })).toBeDisabled();
  await expect(picker.getByText('Archived: unarchive it in Slack to post here.')).toBeVisible();
  await picker.getByRole('checkbox', { name: '#alerts', exact: true }).check();
  await picker.getByRole('button', { name: 'Refresh channels' }).click();
  await expect(picker.getByText(/Channels refreshed from Slack: \d+ found/)).toBeVisible();
  await expect(picker.getByRole('checkbox', { name: '#alerts', exact: true })).toBeChecked();
  await screenshotPage(page, 'routes-form');
  // Controls side by side line up: the matcher's pattern, severity and Check; the form's pairs of fields (a longer
  // label or hint beside one no longer pushes or stretches the other); the channel search and its Refresh.
  await expectLinedUp(page.getByLabel('Event type', { exact: true }), page.getByLabel('Severity', { exact: true }), page.getByRole('button', { name: 'Check' }));
  await expectLinedUp(form.getByLabel('Auto-resolve after N quiet minutes'), form.getByLabel('Remind after N minutes acknowledged'));
  await expectLinedUp(form.getByLabel('Storm limit (posts per minute per channel)'), form.getByLabel('Thread replies'));
  await expectLinedUp(form.getByLabel('Group alerts by'), form.getByLabel('Field to group by (for “A field’s value”)'));
  await expectLinedUp(picker.getByRole('searchbox', { name: 'Search channels' }), picker.getByRole('button', { name: 'Refresh channels' }));
  await form.getByRole('button', { name: 'Create route' }).click();

  const item = page.getByTestId('route-item').filter({ hasText: name });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('route-channels')).toHaveText('#alerts');
  await expect(item).toContainText('payments.deploy.*');
  await expect(item).toContainText('Enabled');

  // Which routes match?
  await page.getByLabel('Event type', { exact: true }).fill('payments.deploy.failed');
  await page.getByLabel('Severity', { exact: true }).selectOption('critical');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('match-result')).toContainText(name);
  await expect(page.getByTestId('match-result')).toContainText('#alerts');
  await page.getByLabel('Severity', { exact: true }).selectOption('info');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('match-result')).not.toContainText(name);
  await screenshotPage(page, 'routes-list');

  // Send test alert: payments.deploy.test at critical reaches #alerts through this route.
  await item.getByRole('button', { name: `Send test alert through ${name}` }).click();
  await expect(item.getByText('Sent a test critical alert “payments.deploy.test”')).toBeVisible();
  await item.getByRole('link', { name: 'View the alert' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Test alert for route “${name}”` })).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Triggered by ada in the dashboard');
  await expect(page.getByTestId('delivery-row').first()).toContainText('#alerts');
  await expect(page.getByTestId('delivery-row').first()).toContainText('sent', { timeout: 25_000 });
  await expect(page.getByRole('link', { name: 'Open in Slack' })).toHaveAttribute('href', new RegExp(`/t/${ACME.id}/c/C0ACMEALRT$`));
  await screenshotPage(page, 'alert-detail');

  // Acknowledge and resolve from the browser; a second acknowledge changes nothing.
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Acknowledged.' })).toBeVisible();
  await expect(page.getByTestId('alert-status')).toHaveText('acknowledged');
  await expect(page.getByTestId('timeline')).toContainText('Acknowledged by ada in the dashboard');
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('alert-status')).toHaveText('resolved');
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // Edit: the form starts from the saved route; saving returns to the list.
  await page.goto(`/w/${ACME.id}/routes`);
  await item.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit route' })).toBeVisible();
  await expect(page.getByLabel('Event types')).toHaveValue('payments.deploy.*, payments.rollback');
  await expect(page.getByRole('checkbox', { name: 'error' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#alerts', exact: true })).toBeChecked();
  await page.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#deploys' }).check();
  await page.getByLabel('Event types').fill('payments.deploy.*');
  await page.getByRole('button', { name: 'Save route' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${ACME.id}/routes$`));
  await expect(item.getByTestId('route-channels')).toHaveText('#alerts, #deploys');
  await expect(item).not.toContainText('payments.rollback');

  // Disable, then delete (confirming).
  await item.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(item).toContainText('Disabled');
  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(item).toHaveCount(0);
});

test('the route form reports invalid input inline and keeps everything typed', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto(`/w/${ACME.id}/routes`);
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New route' }) });
  await form.getByLabel('Name').fill('Broken route');
  await form.getByLabel('Event types').fill('deploy.* bad pattern!');
  await form.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#ops' }).check();
  await form.getByRole('button', { name: 'Create route' }).click();
  await expect(form.locator('#route-severities-error')).toHaveText('must have at least one severity');
  await expect(form.locator('#route-event_types-error')).toContainText('may contain only letters');
  await expect(form.getByLabel('Name')).toHaveValue('Broken route');
  await expect(form.getByLabel('Event types')).toHaveValue('deploy.* bad pattern!');
  await expect(form.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#ops' })).toBeChecked();
  await expect(page.getByTestId('route-item').filter({ hasText: 'Broken route' })).toHaveCount(0);
});

test('routes move up and down in the order with ↑ and ↓', async ({ page, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('order'));
  const names = [uniqueName('Order first'), uniqueName('Order second')];
  for (const name of names) {
    const made = await request.post('/api/v1/routes', {
      headers: { Authorization: `Bearer ${key}` },
      data: { name, event_types: ['order.*'], severities: ['info'], channels: ['C0ACMEOPS1'] },
    });
    expect(made.status()).toBe(201);
  }
  await page.goto(`/w/${ACME.id}/routes`);
  const order = async () => (await page.getByTestId('route-item').locator('h3').allTextContents()).filter((name) => names.includes(name));
  expect(await order()).toEqual(names);
  await page.getByRole('button', { name: `Move ${names[1]!} up` }).click();
  await expect.poll(order).toEqual([names[1], names[0]]);
  await page.reload();
  expect(await order()).toEqual([names[1], names[0]]);
  await screenshotPage(page, 'routes-reordered');
  await page.getByRole('button', { name: `Move ${names[1]!} down` }).click();
  await expect.poll(order).toEqual(names);
});
