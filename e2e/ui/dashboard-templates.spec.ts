import { expect, test } from '@playwright/test';
import { screenshotPage, uniqueName } from '../support/dashboard';
import { ACME, installFromLanding } from '../support/slack-ui';

test('create and edit a template: the preview re-renders as you type, errors point at the problem, a used template cannot be deleted', async ({
  page,
}) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('link', { name: 'New template' }).click();
  const name = uniqueName('Compact');
  await page.getByLabel('Name').fill(name);
  const preview = page.getByTestId('template-preview');
  // The starter template renders the sample alert, mrkdwn and all.
  await expect(preview.locator('.bk-header')).toHaveText('Deploy of checkout-api to production failed');
  await expect(preview.locator('strong').filter({ hasText: 'critical' })).toBeVisible();
  await expect(preview.locator('.bk-fields .bk-field')).toHaveCount(2);
  await expect(preview.locator('.bk-button', { hasText: 'Acknowledge' })).toBeVisible();
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page).toHaveURL(/\/templates\/[^/]+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Edit: the preview follows the text.
  const editor = page.getByLabel('Blocks (Block Kit JSON)');
  const blocks = [
    { type: 'header', text: { type: 'plain_text', text: 'ALERT: {{title}}' } },
    { type: 'section', text: { type: 'mrkdwn', text: '_{{severity}}_ on `{{fields.service}}` · <https://status.example.com|Status page>' } },
    { type: 'divider' },
    { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Runbook' }, url: 'https://wiki.example.com', style: 'danger' }] },
  ];
  await editor.fill(JSON.stringify(blocks, null, 2));
  await expect(preview.locator('.bk-header')).toHaveText('ALERT: Deploy of checkout-api to production failed');
  await expect(preview.locator('em')).toHaveText('critical');
  await expect(preview.locator('code.bk-code')).toHaveText('checkout-api');
  await expect(preview.getByRole('link', { name: 'Status page' })).toHaveAttribute('href', 'https://status.example.com');
  await expect(preview.locator('.bk-divider')).toHaveCount(1);
  await expect(preview.locator('.bk-button-danger', { hasText: 'Runbook' })).toHaveAttribute('title', 'https://wiki.example.com');
  await expect(page.getByTestId('template-issues')).toContainText('Valid template');

  // A sample alert of each severity.
  await page.getByRole('radio', { name: 'warning' }).check();
  await expect(preview.locator('em')).toHaveText('warning');

  // Errors are shown with their JSON pointer, and the preview keeps the last good render.
  await editor.fill(JSON.stringify([{ type: 'header', text: { type: 'mrkdwn', text: '{{nope}}' } }]));
  await expect(page.getByTestId('template-issues')).toContainText('/blocks/0/text');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await editor.fill('[{"type": "divider"');
  await expect(page.getByTestId('template-issues')).toContainText('is not valid JSON');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The template has 1 problem.' })).toBeVisible();
  await expect(editor).toHaveValue('[{"type": "divider"');

  await editor.fill(JSON.stringify(blocks, null, 2));
  await expect(page.getByTestId('template-issues')).toContainText('Valid template');
  // The failed save's message went with the text it was about.
  await expect(page.getByText('The template has 1 problem.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await screenshotPage(page, 'template-editor');
  await page.reload();
  // As written, keys in their order ("type" before "text"; jsonb used to re-sort them).
  await expect(page.getByLabel('Blocks (Block Kit JSON)')).toHaveValue(JSON.stringify(blocks, null, 2));

  // A template a route uses can't be deleted; the page says why.
  await page.goto(`/w/${ACME.id}/routes`);
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'New route' }) });
  const routeName = uniqueName('Templated');
  await form.getByLabel('Name').fill(routeName);
  await form.getByLabel('Event types').fill('templated.*');
  await form.getByRole('checkbox', { name: 'info' }).check();
  await form.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: '#ops' }).check();
  await form.getByLabel('Template').selectOption({ label: name });
  await form.getByRole('button', { name: 'Create route' }).click();
  await expect(page.getByTestId('route-item').filter({ hasText: routeName })).toContainText(name);

  await page.goto(`/w/${ACME.id}/templates`);
  const row = page.getByTestId('template-row').filter({ hasText: name });
  await expect(row).toContainText('1 route');
  await screenshotPage(page, 'templates-list');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(row).toContainText('The template is used by 1 route(s); change them first.');
  await page.reload();
  await expect(page.getByTestId('template-row').filter({ hasText: name })).toHaveCount(1);
});
