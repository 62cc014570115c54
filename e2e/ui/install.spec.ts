import { expect, test } from '@playwright/test';
import { createApiKey, sendAlert, uniqueName } from '../support/dashboard';
import { APP_URL, EMULATOR_URL } from '../support/ports';
import { ACME, approveOnSlack, GLOBEX, installFromLanding, signInWithSlack } from '../support/slack-ui';

test('Add to Slack: approve in Slack and land in the dashboard of the right workspace', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await expect(page.getByRole('heading', { level: 1, name: ACME.name })).toBeVisible();
  await expect(page.getByText('Ada Lovelace').or(page.getByText('ada')).first()).toBeVisible();
  await expect(page.locator('.role')).toHaveText('admin');
  await page.screenshot({ path: test.info().outputPath('dashboard-after-install.png'), fullPage: true });
});

test('Cancel on Slack shows a clear page with Try again, and signs nobody in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Add to Slack' }).click();
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR_URL}/`));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'You cancelled on Slack' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/api/slack/install');
  const response = await page.goto(`/w/${ACME.id}`);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect(response?.status()).toBe(200);
});

test('a second member signs in with Slack as a viewer', async ({ page, browser }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const context = await browser.newContext();
  const member = await context.newPage();
  await signInWithSlack(member, ACME.id, ACME.member);
  await expect(member.getByRole('heading', { level: 1, name: ACME.name })).toBeVisible();
  await expect(member.locator('.role')).toHaveText('viewer');
  await member.getByRole('link', { name: 'Settings' }).click();
  await expect(member.getByRole('link', { name: 'Reinstall Klaxon' })).toHaveCount(0);
  await context.close();
});

test("a member of another workspace gets 404 on this workspace's pages, and can switch between their own", async ({ page }) => {
  await installFromLanding(page, GLOBEX.id, GLOBEX.owner);
  for (const path of [`/w/${ACME.id}`, `/w/${ACME.id}/settings`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  // The same browser signs in to Acme too and switches between both.
  await page.goto(`/w/${GLOBEX.id}`);
  await page.getByText('Globex Sandbox', { exact: true }).first().click();
  await page.getByRole('link', { name: 'Sign in to another workspace…' }).click();
  await approveOnSlack(page, ACME.id, ACME.admin);
  await expect(page).toHaveURL(new RegExp(`/w/${ACME.id}$`));
  await page.locator('.switcher summary').click();
  await page.locator('.switcher').getByRole('link', { name: GLOBEX.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: GLOBEX.name })).toBeVisible();
});

test('signing out ends the session', async ({ page }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/w/${ACME.id}`);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
});

test('a signed-out "View in Klaxon" link to an alert lands on that alert after signing in', async ({ page, browser }) => {
  await installFromLanding(page, ACME.id, ACME.owner);
  const key = await createApiKey(page, ACME.id, uniqueName('deep link'));
  const sent = await sendAlert(page.request, key, { event_type: 'deploy.failed', severity: 'critical', title: 'Deep link target' });
  const { id } = (await sent.json()) as { id: string };

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`/w/${ACME.id}/alerts/${id}`);
  const signInUrl = new URL(visitor.url());
  expect(signInUrl.pathname).toBe('/sign-in');
  expect(signInUrl.searchParams.get('next')).toBe(`/w/${ACME.id}/alerts/${id}`);
  await visitor.getByRole('link', { name: 'Sign in with Slack' }).click();
  await approveOnSlack(visitor, ACME.id, ACME.member);
  await expect(visitor).toHaveURL(new RegExp(`/w/${ACME.id}/alerts/${id}$`));
  await expect(visitor.getByRole('heading', { name: 'Deep link target' })).toBeVisible();
  await context.close();
});

test("a browser opened at 127.0.0.1 is sent to APP_URL's host first, so Add to Slack keeps its state cookie", async ({ page }) => {
  await page.goto(APP_URL.replace('localhost', '127.0.0.1'));
  await expect(page).toHaveURL(new RegExp(`^${APP_URL}/$`));
  await page.getByRole('link', { name: 'Add to Slack' }).click();
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR_URL}/`));
  await approveOnSlack(page, ACME.id, ACME.owner);
  await expect(page.getByRole('heading', { level: 1, name: ACME.name })).toBeVisible();
});
