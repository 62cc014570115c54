import { expect, test } from '@playwright/test';
import { screenshotPage } from '../support/dashboard';
import { ACME, installFromLanding } from '../support/slack-ui';

test('an unknown page is a 404 in the app frame with a way back, signed out and signed in', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('Page not found');
  await expect(page.locator('.topbar .brand')).toHaveAttribute('href', '/');
  await expect(page.getByRole('link', { name: 'Back to Klaxon' })).toHaveAttribute('href', '/');
  await screenshotPage(page, 'not-found-signed-out');

  await installFromLanding(page, ACME.id, ACME.owner);
  await page.goto('/no-such-page');
  await expect(page.getByRole('navigation', { name: 'Your workspaces' }).getByRole('link', { name: ACME.name })).toHaveAttribute('href', `/w/${ACME.id}`);

  // Inside a workspace, a missing alert keeps the workspace's frame (its navigation) around the 404.
  expect((await page.goto(`/w/${ACME.id}/alerts/not-an-alert`))?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('Not found in this workspace');
  await expect(page.getByRole('link', { name: 'Back to the overview' })).toHaveAttribute('href', `/w/${ACME.id}`);
  await expect(page.getByRole('link', { name: 'Routes' })).toBeVisible();
  await screenshotPage(page, 'not-found-in-workspace');
});

test('signing in to a workspace without Klaxon offers Add to Slack', async ({ page }) => {
  await page.goto('/oauth/failed?flow=sign-in&reason=not_installed');
  await expect(page.getByRole('heading', { name: 'Klaxon is not installed in that workspace' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add to Slack' })).toHaveAttribute('href', '/api/slack/install');
  await screenshotPage(page, 'not-installed');
});
