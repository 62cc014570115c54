import { expect, test } from '@playwright/test';
import { createApiKey, screenshotPage, sendAlert, uniqueName } from '../support/dashboard';
import { ACME, installFromLanding, signInWithSlack } from '../support/slack-ui';

test('a viewer sees keys, alerts, routes and templates read-only: no forms, no buttons that change anything', async ({ page, browser, request }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('Viewer check'));
  const title = uniqueName('Disk almost full');
  const sent = await sendAlert(request, key, { event_type: 'disk.full', severity: 'error', title });
  expect(sent.status()).toBe(202);
  const { id } = (await sent.json()) as { id: string };

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signInWithSlack(viewer, ACME.id, ACME.member);
  await expect(viewer.locator('.role')).toHaveText('viewer');

  await viewer.getByRole('link', { name: 'API keys' }).click();
  await expect(viewer.getByTestId('api-key-row').first()).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Create key' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
  await screenshotPage(viewer, 'viewer-api-keys');

  await viewer.getByRole('link', { name: 'Routes' }).click();
  await expect(viewer.getByText('You are a viewer')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Create route' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^(Disable|Enable|Delete|Send test alert)/ })).toHaveCount(0);

  await viewer.getByRole('link', { name: 'Templates' }).click();
  await expect(viewer.getByRole('link', { name: 'New template' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  expect((await viewer.goto(`/w/${ACME.id}/templates/new`))?.status()).toBe(404);

  await viewer.goto(`/w/${ACME.id}/alerts`);
  await expect(viewer.getByTestId('alert-row').filter({ hasText: title })).toBeVisible();
  await viewer.getByRole('link', { name: title }).click();
  await expect(viewer).toHaveURL(new RegExp(`/alerts/${id}$`));
  await expect(viewer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(viewer.getByRole('button', { name: /Acknowledge|Resolve|Reopen/ })).toHaveCount(0);
  await screenshotPage(viewer, 'viewer-alert');
  await context.close();
});
